import { clock } from '../../nodes/shared/clock';
import { createRateLimiter, parseRateLimit } from '../../sandbox/rateLimit.mjs';

export interface LimitedApiOptions {
	/** Requests per window; null: no budget (a storm alone). */
	limit: number | null;
	windowMs?: number;
	/**
	 * 'aligned' (Reset on every answer), 'laravel' (window from its first request,
	 * Reset and Retry-After only with 429) or 'laravel-reset' (window from its
	 * first request, Reset rounded up on every answer).
	 */
	mode?: 'aligned' | 'laravel' | 'laravel-reset';
	/** Share of requests refused at random with Retry-After: `stormRetryAfter` seconds. */
	storm?: number;
	stormRetryAfter?: number;
	seed?: number;
	/** Whether answers carry the X-RateLimit-* headers (Sendbird sends none; Retry-After always). */
	rateHeaders?: boolean;
	/** The body of a 429 (Desk360's by default). */
	refusal?: unknown;
}

type Answer = [number, unknown, Record<string, string>];

const DESK360_REFUSAL = { error: { code: 'too_many_requests_exception', message: 'Too Many Attempts.' } };

/**
 * The sandbox's own rate limiter (sandbox/rateLimit.mjs) on the tests' virtual
 * clock, for nock replies: every request counts, refused ones too; over the
 * limit (or in a storm) a 429 with Retry-After. Records when each request came
 * and which writes were accepted, so tests can assert times and count duplicates.
 */
export function limitedApi({ rateHeaders = true, refusal = DESK360_REFUSAL, ...config }: LimitedApiOptions) {
	const limiter = createRateLimiter(parseRateLimit(config));
	const stats = {
		requests: 0,
		/** When each request arrived, ms since the epoch. */
		at: [] as number[],
		refused: 0,
		refusedAt: [] as number[],
		acceptedAt: [] as number[],
		/** The bodies of the accepted writes. */
		accepted: [] as unknown[],
	};

	/** Answers one request: a 429 when the limiter refuses it, otherwise `accept()`'s answer; the limit headers on both. */
	function reply(accept: () => [number, unknown, Record<string, string>?]): Answer {
		const now = clock.now();
		stats.requests++;
		stats.at.push(now);
		const verdict = limiter.take(now);
		const headers: Record<string, string> = rateHeaders && verdict.headers ? { ...verdict.headers } : {};
		if (!verdict.allowed) {
			stats.refused++;
			stats.refusedAt.push(now);
			return [429, refusal, { ...headers, 'Retry-After': String(verdict.retryAfter) }];
		}
		stats.acceptedAt.push(now);
		const [status, body, extra] = accept();
		return [status, body, { ...headers, ...extra }];
	}

	/** A create: accepted bodies are recorded. */
	function handle(body: unknown): Answer {
		return reply(() => {
			stats.accepted.push(body);
			return [201, { id: stats.accepted.length, ...(body as object) }];
		});
	}

	return { stats, reply, handle };
}

export type LimitedApi = ReturnType<typeof limitedApi>;
