import { cancellationError, clock } from './clock';

/** What an answer said about the rate limit (absent fields were not sent). */
export interface RateLimitState {
	limit?: number;
	remaining?: number;
	/** When the server's window resets, in ms since the epoch. */
	resetAt?: number;
}

/**
 * Paces the requests of one account so that concurrent items, pages and
 * executions spend its rate limit evenly instead of collecting 429s.
 *
 * - When the server reports its budget (X-RateLimit-Remaining/-Reset), the
 *   budget left is spread evenly over the time left in the window: the next
 *   request waits (time left) / (budget left) after the previous one.
 * - When it reports nothing, the gate learns a rate from its 429s: the requests
 *   the server accepted since the last reopening, over the time until it reopens
 *   again; each later 429 lowers that rate.
 * - After a 429, nobody sends until the wait the server asked for is over.
 * - While the budget is unknown, one request goes out and the others wait for
 *   its answer; each success lets one more go at once (doubling per round trip).
 *
 * Requests go out in the order they asked.
 */
export class RateGate {
	private readonly queue: Array<() => void> = [];

	private blockedUntil = 0;

	/** Requests still allowed before `windowEndsAt`, after those already sent; undefined while unknown. */
	private budget: number | undefined;

	private windowEndsAt = 0;

	/** When the last request of the current window went out; undefined before the first. */
	private lastSentAt: number | undefined;

	/** Whether the server sends budget headers (then they are the only source). */
	private metered = false;

	/** Without headers: the rate learned from 429s, as a budget per window. */
	private learned: { budget: number; windowMs: number } | undefined;

	/** Without headers: since when requests are counted for learning (the start, or the last reopening). */
	private countingSince: number | undefined;

	private acceptedSince = 0;

	private maxInFlight = 1;

	private inFlight = 0;

	/** When the pending wake-up fires; undefined when none is pending. */
	private wakeAt: number | undefined;

	/** Waits for this account's turn; ends with n8n's cancellation error when `signal` aborts. */
	async acquire(signal?: AbortSignal): Promise<void> {
		this.countingSince ??= clock.now();
		if (signal?.aborted) throw cancellationError(signal);
		await new Promise<void>((resolve, reject) => {
			const turn = () => {
				signal?.removeEventListener('abort', cancel);
				resolve();
			};
			const cancel = () => {
				const index = this.queue.indexOf(turn);
				if (index >= 0) this.queue.splice(index, 1);
				reject(cancellationError(signal!));
			};
			signal?.addEventListener('abort', cancel, { once: true });
			this.queue.push(turn);
			this.pump();
		});
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
			this.refused(now, now + waitMs);
		} else if (now >= (this.countingSince ?? 0)) {
			// Every answered request counts against the limit, failed ones too. Answers
			// that come back while blocked were sent before the 429: they belong to the
			// window that is over.
			this.acceptedSince++;
			// Slow start while nothing is known; with headers, the next answer tells the budget.
			if (this.budget === undefined && !this.metered) this.maxInFlight++;
		}
		this.pump();
	}

	/** Lets waiting requests go as far as the budget, the pace and the in-flight bound allow. */
	private pump(): void {
		while (this.queue.length > 0) {
			const now = clock.now();
			const goAt = this.nextSendAt(now);
			if (goAt === undefined) return; // waiting for an answer
			if (goAt > now) {
				this.wakeUpAt(goAt);
				return;
			}
			if (this.budget !== undefined) this.budget--;
			this.lastSentAt = now;
			this.inFlight++;
			this.queue.shift()!();
		}
	}

	/** When the next request may go; undefined while it must wait for an answer. */
	private nextSendAt(now: number): number | undefined {
		if (now < this.blockedUntil) return this.blockedUntil;
		if (this.budget !== undefined && now >= this.windowEndsAt) this.openWindow(now);
		if (this.budget === undefined) return this.inFlight < this.maxInFlight ? now : undefined;
		if (this.budget <= 0) return this.windowEndsAt;
		if (this.lastSentAt === undefined) return now;
		// The last request and the budget left, spread evenly until the window ends.
		return this.lastSentAt + (this.windowEndsAt - this.lastSentAt) / (this.budget + 1);
	}

	private wakeUpAt(at: number): void {
		if (this.wakeAt !== undefined && this.wakeAt <= at) return;
		this.wakeAt = at;
		void clock.sleep(Math.max(0, at - clock.now())).then(() => {
			if (this.wakeAt === at) this.wakeAt = undefined;
			this.pump();
		});
	}

	private refused(now: number, reopensAt: number): void {
		// Several requests in flight come back refused together: the first one decides.
		if (!this.metered && now >= this.blockedUntil && this.acceptedSince > 0) {
			this.learned = { budget: this.acceptedSince, windowMs: reopensAt - (this.countingSince ?? now) };
		}
		if (now >= this.blockedUntil) {
			this.countingSince = reopensAt;
			this.acceptedSince = 0;
		}
		this.blockedUntil = Math.max(this.blockedUntil, reopensAt);
		this.budget = 0;
		this.windowEndsAt = this.blockedUntil;
		this.maxInFlight = 1;
	}

	private useReportedBudget(state: RateLimitState, now: number): void {
		this.metered = true;
		this.learned = undefined;
		const windowEndsAt = state.resetAt ?? now + 60_000;
		// A late answer about a window that is over says nothing about the current one.
		if (windowEndsAt <= now) return;
		// Requests still in flight will spend budget the server has not counted yet.
		const fresh = Math.max(0, state.remaining! - this.inFlight);
		const sameWindow = this.budget !== undefined && windowEndsAt <= this.windowEndsAt;
		this.budget = sameWindow ? Math.min(this.budget!, fresh) : fresh;
		this.windowEndsAt = windowEndsAt;
		this.maxInFlight = Number.POSITIVE_INFINITY;
	}

	/** A new window: its budget is what was learned, or unknown until an answer tells. */
	private openWindow(now: number): void {
		this.lastSentAt = undefined;
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
