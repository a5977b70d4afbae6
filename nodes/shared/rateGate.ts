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
 *   beyond it wait for the next window instead of collecting 429s.
 * - When it reports nothing, the gate learns a budget from its 429s: the
 *   requests the server accepted since the window opened, over the time until
 *   it reopens.
 * - While the budget is unknown, one request goes out and the others wait for
 *   its answer; each success lets one more go at once (doubling per round trip).
 */
export class RateGate {
	private blockedUntil = 0;

	/** Requests still allowed before `windowEndsAt`; undefined while unknown. */
	private budget: number | undefined;

	private windowEndsAt = 0;

	private windowOpenedAt: number | undefined;

	private answeredInWindow = 0;

	/** Whether the server sends budget headers (then they are the only source). */
	private metered = false;

	private learned: { budget: number; windowMs: number } | undefined;

	private maxInFlight = 1;

	private inFlight = 0;

	private waiters: Array<() => void> = [];

	async acquire(): Promise<void> {
		for (;;) {
			const now = clock.now();
			this.windowOpenedAt ??= now;
			if (now < this.blockedUntil) {
				await clock.sleep(this.blockedUntil - now);
				continue;
			}
			if (this.budget !== undefined && now >= this.windowEndsAt) this.openWindow(now);
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
		if (state.remaining !== undefined) this.useReportedBudget(state, now);
		if (waitMs !== undefined) {
			const reopensAt = Math.max(this.blockedUntil, now + waitMs);
			if (!this.metered && this.answeredInWindow > 0) {
				this.learned = {
					budget: this.answeredInWindow,
					windowMs: reopensAt - (this.windowOpenedAt ?? now),
				};
			}
			this.blockedUntil = reopensAt;
			this.budget = 0;
			this.windowEndsAt = reopensAt;
			this.maxInFlight = 1;
		} else {
			// Every answered request counts against the limit, failed ones too.
			this.answeredInWindow++;
			if (this.budget === undefined) this.maxInFlight++;
		}
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}

	private useReportedBudget(state: RateLimitState, now: number): void {
		this.metered = true;
		const windowEndsAt = state.resetAt ?? now + 60_000;
		// Requests still in flight will spend budget the server has not counted yet.
		const fresh = state.remaining! - this.inFlight;
		const sameWindow = this.budget !== undefined && windowEndsAt <= this.windowEndsAt;
		this.budget = sameWindow ? Math.min(this.budget!, fresh) : fresh;
		this.windowEndsAt = Math.max(windowEndsAt, now);
		this.maxInFlight = Number.POSITIVE_INFINITY;
	}

	/** A new window: its budget is what was learned, or unknown until an answer tells. */
	private openWindow(now: number): void {
		this.windowOpenedAt = now;
		this.answeredInWindow = 0;
		if (!this.metered && this.learned) {
			this.budget = this.learned.budget;
			this.windowEndsAt = now + this.learned.windowMs;
			this.maxInFlight = Number.POSITIVE_INFINITY;
		} else {
			this.budget = undefined;
			this.maxInFlight = 1;
		}
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
