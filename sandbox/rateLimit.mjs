// The sandbox's rate limit, also the jest tests' (test/helpers/limitedApi.ts):
// one copy of what counts against the limit and what the answers say. Every
// request counts, refused ones too, as at Desk360. `now` is a parameter so that
// the tests run it on their virtual clock.
//
// Three shapes of fixed window:
// - 'aligned': windows aligned on the epoch; X-RateLimit-Limit/-Remaining/-Reset
//   on every answer (a server that tells its reset time all along).
// - 'laravel': Laravel's throttle middleware, the likely shape of Desk360 (it
//   answers Laravel page objects): a window starts at the first request after
//   the last one ended; Limit/Remaining on every answer, X-RateLimit-Reset and
//   Retry-After only with a 429, both rounded up to whole seconds.
// - 'laravel-reset': the same windows with X-RateLimit-Reset on every answer,
//   rounded up to a whole second (as GitHub and many Laravel set-ups send it):
//   up to a second later than the window's real end.
// A storm refuses a share of the requests at random (seeded) with Retry-After,
// whatever the budget: 429s the budget does not explain.

export const RATE_LIMIT_MODES = ['aligned', 'laravel', 'laravel-reset'];

/** A small seeded random generator (mulberry32): the same storm for the same seed. */
function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * @typedef {{ limit: number | null, windowMs: number, mode: 'aligned' | 'laravel' | 'laravel-reset', storm: number, stormRetryAfter: number, seed: number }} RateLimitConfig
 * @typedef {{ allowed: boolean, headers?: Record<string, string>, retryAfter?: number, storm?: boolean }} RateLimitVerdict
 */

/**
 * @param {RateLimitConfig | null} [config]
 */
export function createRateLimiter(config = null) {
	/** @type {RateLimitConfig | null} */
	let current = null;
	let windowEnd = 0;
	let count = 0;
	let random;

	function clear() {
		windowEnd = 0;
		count = 0;
		random = seededRandom(current?.seed ?? 1);
	}

	/** Starts a new window when the last one is over. */
	function windowAt(now, { windowMs, mode }) {
		if (now < windowEnd) return;
		const windowStart = mode === 'aligned' ? now - (now % windowMs) : now;
		windowEnd = windowStart + windowMs;
		count = 0;
	}

	const limiter = {
		/** @param {RateLimitConfig | null} next */
		configure(next) {
			current = next ? { ...next } : null;
			clear();
		},
		/** @returns {RateLimitConfig | null} */
		get config() {
			return current;
		},
		/** Forgets the requests of the current window (and restarts the storm's random sequence). */
		clear,
		/**
		 * Counts one request arriving at `now` (ms since the epoch). Returns whether it
		 * is allowed, the X-RateLimit-* headers to send and, when refused, the
		 * Retry-After seconds.
		 * @param {number} [now]
		 * @returns {RateLimitVerdict}
		 */
		take(now = Date.now()) {
			if (!current) return { allowed: true };
			let headers;
			let overLimit = false;
			if (current.limit !== null) {
				windowAt(now, current);
				count++;
				overLimit = count > current.limit;
				const reset = String(Math.ceil(windowEnd / 1000));
				headers = {
					'X-RateLimit-Limit': String(current.limit),
					'X-RateLimit-Remaining': String(Math.max(0, current.limit - count)),
				};
				if (current.mode !== 'laravel' || overLimit) headers['X-RateLimit-Reset'] = reset;
			}
			if (overLimit) return { allowed: false, headers, retryAfter: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
			if (current.storm > 0 && random() < current.storm) {
				return { allowed: false, headers, retryAfter: current.stormRetryAfter, storm: true };
			}
			return { allowed: true, headers };
		},
	};
	limiter.configure(config);
	return limiter;
}

/**
 * Checks a `{ limit, windowMs, mode, storm, stormRetryAfter, seed }` setting.
 * `limit: null` (or absent) means no budget; with no storm either, the result is
 * null (no limit at all). windowMs defaults to a minute, mode to 'aligned',
 * stormRetryAfter to 1 s.
 * @returns {RateLimitConfig | null}
 */
export function parseRateLimit(value) {
	if (value === null || value === undefined) return null;
	const limit = value.limit === null || value.limit === undefined ? null : Number(value.limit);
	const windowMs = value.windowMs === undefined || value.windowMs === null ? 60_000 : Number(value.windowMs);
	const mode = value.mode ?? 'aligned';
	const storm = value.storm === undefined || value.storm === null ? 0 : Number(value.storm);
	const stormRetryAfter = value.stormRetryAfter === undefined ? 1 : Number(value.stormRetryAfter);
	const seed = value.seed === undefined ? 1 : Number(value.seed);
	if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw new Error('limit must be a whole number of at least 1, or null');
	if (!Number.isInteger(windowMs) || windowMs < 1) throw new Error('windowMs must be a whole number of at least 1');
	if (!RATE_LIMIT_MODES.includes(mode)) throw new Error(`mode must be one of ${RATE_LIMIT_MODES.join(', ')}`);
	if (!(storm >= 0 && storm < 1)) throw new Error('storm must be a share from 0 to below 1 (0.3: 30 % of requests refused)');
	if (!Number.isInteger(stormRetryAfter) || stormRetryAfter < 0) throw new Error('stormRetryAfter must be whole seconds');
	if (!Number.isInteger(seed)) throw new Error('seed must be a whole number');
	if (limit === null && storm === 0) return null;
	return { limit, windowMs, mode, storm, stormRetryAfter, seed };
}
