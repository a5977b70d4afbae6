// A fixed-window rate limit like Desk360's: every request counts, refused ones
// too; windows are aligned on the epoch so X-RateLimit-Reset is the same for
// every request of a window.

/**
 * @param {{ limit: number, windowMs: number } | null} config
 */
export function createRateLimiter(config = null) {
	let current = null;
	let windowStart = 0;
	let count = 0;

	const limiter = {
		/** @param {{ limit: number, windowMs: number } | null} next */
		configure(next) {
			current = next ? { limit: next.limit, windowMs: next.windowMs } : null;
			windowStart = 0;
			count = 0;
		},
		get config() {
			return current;
		},
		/** Forgets the requests of the current window. */
		clear() {
			windowStart = 0;
			count = 0;
		},
		/**
		 * Counts one request. Without a limit: `{ allowed: true }`. With one:
		 * whether it is allowed, the X-RateLimit-* values and, when refused, the
		 * Retry-After seconds.
		 */
		take(now = Date.now()) {
			if (!current) return { allowed: true };
			const { limit, windowMs } = current;
			if (now >= windowStart + windowMs) {
				windowStart = now - (now % windowMs);
				count = 0;
			}
			count++;
			const resetAt = windowStart + windowMs;
			const headers = {
				'X-RateLimit-Limit': String(limit),
				'X-RateLimit-Remaining': String(Math.max(0, limit - count)),
				'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
			};
			if (count <= limit) return { allowed: true, headers };
			return { allowed: false, headers, retryAfter: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
		},
	};
	limiter.configure(config);
	return limiter;
}

/** Checks a `{ limit, windowMs }` setting; null switches the limit off. windowMs defaults to a minute. */
export function parseRateLimit(value) {
	if (value === null || value === undefined) return null;
	const limit = Number(value.limit);
	const windowMs = value.windowMs === undefined || value.windowMs === null ? 60_000 : Number(value.windowMs);
	if (value.limit === null) return null;
	if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a whole number of at least 1, or null');
	if (!Number.isInteger(windowMs) || windowMs < 1) throw new Error('windowMs must be a whole number of at least 1');
	return { limit, windowMs };
}
