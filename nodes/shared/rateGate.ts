import { clock } from './clock';

/** What an answer said about the rate limit (absent fields were not sent). */
export interface RateLimitState {
	limit?: number;
	remaining?: number;
	/** When the server's window resets, in ms since the epoch. */
	resetAt?: number;
}

/**
 * Holds back requests of one account so that concurrent items do not stampede.
 *
 * - After a 429, nobody sends until the wait the server asked for is over.
 * - When the server reports its budget (X-RateLimit-Remaining/-Reset), requests
 *   beyond the budget wait for the next window instead of collecting 429s.
 * - While the budget is unknown (first request, new window, after a 429), only
 *   one request goes out and the others wait for its answer; after a success
 *   the number in flight doubles, so an API without headers still ramps up.
 */
export class RateGate {
	private blockedUntil = 0;

	private budget: number | undefined;

	private windowEndsAt = 0;

	private maxInFlight = 1;

	private inFlight = 0;

	private waiters: Array<() => void> = [];

	async acquire(): Promise<void> {
		for (;;) {
			const now = clock.now();
			if (now < this.blockedUntil) {
				await clock.sleep(this.blockedUntil - now);
				continue;
			}
			if (this.budget !== undefined && now >= this.windowEndsAt) {
				// A new window: its budget is unknown until the next answer.
				this.budget = undefined;
				this.maxInFlight = 1;
			}
			if (this.budget !== undefined && this.budget <= 0) {
				await clock.sleep(this.windowEndsAt - now);
				continue;
			}
			if (this.inFlight >= this.maxInFlight) {
				await new Promise<void>((resolve) => this.waiters.push(resolve));
				continue;
			}
			if (this.budget !== undefined) this.budget--;
			this.inFlight++;
			return;
		}
	}

	/**
	 * Records the answer to a request started with `acquire`. `waitMs` is set when
	 * the server refused the request (429) and asked for a pause.
	 */
	release(state: RateLimitState, waitMs?: number): void {
		this.inFlight--;
		const now = clock.now();
		if (state.remaining !== undefined) {
			const windowEndsAt = state.resetAt ?? now + 60_000;
			// Requests still in flight will spend budget the server has not counted yet.
			const fresh = state.remaining - this.inFlight;
			const sameWindow = this.budget !== undefined && windowEndsAt <= this.windowEndsAt;
			this.budget = sameWindow ? Math.min(this.budget!, fresh) : fresh;
			this.windowEndsAt = Math.max(windowEndsAt, now);
			this.maxInFlight = Number.POSITIVE_INFINITY;
		}
		if (waitMs !== undefined) {
			this.blockedUntil = Math.max(this.blockedUntil, now + waitMs);
			this.budget = undefined;
			this.maxInFlight = 1;
		} else if (state.remaining === undefined) {
			this.maxInFlight *= 2;
		}
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}
}

const gates = new Map<string, RateGate>();

/** The gate of one account; every execution in this process that uses the account shares it. */
export function rateGateFor(accountKey: string): RateGate {
	let gate = gates.get(accountKey);
	if (!gate) {
		gate = new RateGate();
		gates.set(accountKey, gate);
	}
	return gate;
}

/** Forgets every gate (tests start each case from a fresh account state). */
export function resetRateGates(): void {
	gates.clear();
}
