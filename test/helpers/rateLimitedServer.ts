import { clock } from '../../nodes/shared/clock';

export interface RateLimitedServerOptions {
	/** Requests allowed per window. */
	limit: number;
	windowMs: number;
	/** Whether answers carry X-RateLimit-Limit/-Remaining/-Reset (429s always carry Retry-After). */
	sendRateHeaders: boolean;
}

/**
 * A fixed-window rate limiter on the virtual clock, like Desk360's: counts every
 * request, refuses the ones over the limit with 429 + Retry-After, and records
 * which writes it accepted so tests can count duplicates.
 */
export function rateLimitedServer(options: RateLimitedServerOptions) {
	const stats = { accepted: [] as unknown[], refused: 0, refusedAt: [] as number[], requests: 0 };
	let windowStart = 0;
	let count = 0;

	function handle(body: unknown): [number, unknown, Record<string, string>] {
		const now = clock.now();
		if (now >= windowStart + options.windowMs) {
			windowStart = now - (now % options.windowMs);
			count = 0;
		}
		stats.requests++;
		const resetAt = windowStart + options.windowMs;
		const headers: Record<string, string> = options.sendRateHeaders
			? {
					'X-RateLimit-Limit': String(options.limit),
					'X-RateLimit-Remaining': String(Math.max(0, options.limit - count - 1)),
					'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
				}
			: {};
		if (count >= options.limit) {
			stats.refused++;
			stats.refusedAt.push(now);
			headers['Retry-After'] = String(Math.ceil((resetAt - now) / 1000));
			return [429, { error: { code: 'too_many_requests_exception', message: 'Too Many Attempts.' } }, headers];
		}
		count++;
		stats.accepted.push(body);
		return [201, { id: stats.accepted.length, ...(body as object) }, headers];
	}

	return { stats, handle };
}
