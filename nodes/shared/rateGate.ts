import { onAbort } from './abortWatch';
import { cancellationError, clock } from './clock';
import { WindowLength } from './windowLength';

/** What an answer said about the rate limit (absent fields were not sent). */
export interface RateLimitState {
	limit?: number;
	remaining?: number;
	/** When the server's window resets, in ms since the epoch. */
	resetAt?: number;
}

/** A request the gate let out; give it back with its answer (`RateGate.release`). */
export interface GateSlot {
	/** When it went out. */
	readonly sentAt: number;
	/** The window, as the gate numbers them, it was sent in. */
	readonly window: number;
	/** Sent alone to learn the budget: nothing else goes until it is answered. */
	readonly probe: boolean;
}

/**
 * Whether a request whose turn came goes now, keeps its place for a later turn
 * (the gate tries again after the next answer), or leaves the queue without a
 * slot, to get ready and queue again (a session token being renewed).
 */
export type Turn = 'go' | 'hold' | 'leave';

interface Waiter {
	/** Asked when the request's turn comes; absent: it always goes. */
	turn?: () => Turn;
	go(slot: GateSlot | undefined): void;
	fail(error: unknown): void;
}

/**
 * Paces the requests of one account by the server's fixed-window rate limit:
 * small jobs at network speed, big jobs at the limit, and no 429 that the
 * server's own numbers could have prevented.
 *
 * - While the budget is unknown (the first request, a new window), one request
 *   goes out alone and its answer's X-RateLimit-Remaining tells the budget.
 * - When the requests waiting fit in the budget, they all go at once. When
 *   there are more, the budget is spread evenly over the rest of the window: the
 *   job needs the next window anyway, and requests spread out leave room for
 *   anything else spending the same budget (other workers, other tools behind
 *   the same address). The remaining budget the server reports is the truth.
 * - When the window ends: if the server sends X-RateLimit-Reset on ordinary
 *   answers, that Reset, or sooner the window's first answer plus the window
 *   length learned (`WindowLength`): a Reset rounded up to a whole second, on
 *   windows that start at their first request, is up to a second late. That
 *   sooner end is trusted once a window was seen to end before its Reset;
 *   until then one request of the budget is kept for it, so that on windows
 *   whose Reset is exact it finds the window open, not a 429. Otherwise
 *   (Laravel's throttle: a window starts at its first request, Reset comes only
 *   with a 429) the window's first answer plus the length learned from 429s.
 *   Until that is known, at most half of what is left goes out at a time, then
 *   one request asks and its 429 tells the end.
 * - When Remaining drops more than this gate's own requests explain, someone
 *   else spends the budget too: the last request of each window is left to
 *   them, as two spenders that both see one left would both send it.
 * - A 429 that spends the budget (Remaining 0 or not sent) holds every request
 *   of the account until the wait the server asked for is over; a 429 with
 *   budget left is the refused request's own business.
 * - A server that sends no budget headers (Sendbird): the gate starts slowly
 *   (one more request in flight per success) and learns a rate from its 429s:
 *   the requests it accepted since the last reopening, over the time until it
 *   reopens again; each later 429 lowers it.
 *
 * Requests go out in the order they asked, except that a request may be asked
 * at its turn whether it goes (`Turn`: one request with a session token out at
 * a time); one that holds keeps its place and the next goes past it. Waiting
 * ends with n8n's cancellation error when the execution is cancelled.
 */
export class RateGate {
	private readonly queue: Waiter[] = [];

	private inFlight = 0;

	/** Whether any answer came back yet (before that, whether the server sends budget headers is unknown). */
	private answered = false;

	private blockedUntil = 0;

	private limit: number | undefined;

	/** Whether the server sends X-RateLimit-Remaining (then it is the only source). */
	private metered = false;

	/** Whether ordinary answers carry X-RateLimit-Reset (then it is the window's end). */
	private resetOnAnswers = false;

	/** Numbers the windows, so that late answers about a window that is over are not taken for the current one. */
	private window = 0;

	/**
	 * With budget headers: the lowest X-RateLimit-Remaining the current window's
	 * answers reported (the server's count only grows); undefined while unknown.
	 * What may still be sent is that less the requests in flight, which it may
	 * not count yet: as their answers come back, however out of order, the
	 * estimate recovers instead of sticking at a low.
	 */
	private remaining: number | undefined;

	/** Without budget headers: requests still allowed in the current window, after those already sent. */
	private budget: number | undefined;

	/** When the current window ends (the next one is asked for then); undefined while unknown. */
	private endsAt: number | undefined;

	/** How long windows last, learned from what the answers say: when a window ends at the latest after its first answer. */
	private readonly windowLength = new WindowLength();

	/** With Reset on ordinary answers: the Reset of the server's window the gate is in. */
	private windowResetAt: number | undefined;

	/**
	 * With Reset on ordinary answers: whether this server's windows were seen to
	 * end before their Reset (a request answered before it came in a new window:
	 * a Reset rounded up, as GitHub and many Laravel set-ups send it). Until then
	 * a window ended earlier than its Reset is not trusted without `reserved`.
	 */
	private endsBeforeReset = false;

	/**
	 * Requests of the window's budget kept for the one that goes at the window's
	 * end as learned (before its Reset) while that end is not trusted: if the
	 * window turns out still open (windows on the clock, whose Reset is exact),
	 * that request takes the reserve instead of getting a 429.
	 */
	private reserved = 0;

	private inFlightInWindow = 0;

	/** The current window's budget after the request that asked for it, how many went out since, and how many of this gate's requests were still out when it went (they may count in its window). */
	private windowBudget = 0;

	private sentInWindow = 0;

	private carriedIn = 0;

	/** Whether someone else (another worker, another tool at the same address) spends the current window's budget too. */
	private othersSpend = false;

	private probeOut = false;

	/** When the last request of the current window went out. */
	private lastSentAt: number | undefined;

	/** Without budget headers: the rate learned from 429s, as a budget per window. */
	private learned: { budget: number; windowMs: number } | undefined;

	/** Without budget headers: since when accepted requests are counted for learning. */
	private countingSince: number | undefined;

	private acceptedSince = 0;

	/** Without budget headers: how many may be in flight while the budget is unknown (slow start). */
	private maxInFlight = 1;

	private wake: { at: number; stop: AbortController } | undefined;

	/**
	 * Waits for this account's turn; ends with n8n's cancellation error when
	 * `signal` aborts. `turn` is asked at the moment the request would go out
	 * (see `Turn`); undefined comes back when it answered 'leave'.
	 */
	async acquire(signal?: AbortSignal): Promise<GateSlot>;
	async acquire(signal: AbortSignal | undefined, turn: () => Turn): Promise<GateSlot | undefined>;
	async acquire(signal?: AbortSignal, turn?: () => Turn): Promise<GateSlot | undefined> {
		this.countingSince ??= clock.now();
		if (signal?.aborted) throw cancellationError(signal);
		return await new Promise<GateSlot | undefined>((resolve, reject) => {
			let stopWatching = () => {};
			const waiter: Waiter = {
				turn,
				go: (slot) => {
					stopWatching();
					resolve(slot);
				},
				fail: (error) => {
					stopWatching();
					reject(error);
				},
			};
			if (signal) {
				stopWatching = onAbort(signal, () => {
					const index = this.queue.indexOf(waiter);
					if (index >= 0) this.queue.splice(index, 1);
					if (this.queue.length === 0) this.stopWaking();
					reject(cancellationError(signal));
				});
			}
			this.queue.push(waiter);
			this.pump();
		});
	}

	/**
	 * Records the answer to a request the gate let out. `waitMs` is set when the
	 * server refused it (429) and asked for a pause.
	 */
	release(slot: GateSlot, state: RateLimitState, waitMs?: number): void {
		this.inFlight--;
		if (slot.window === this.window && !slot.probe) this.inFlightInWindow--;
		if (slot.probe) this.probeOut = false;
		this.answered = true;
		const now = clock.now();
		if (state.limit !== undefined) this.limit = state.limit;
		if (state.remaining !== undefined) this.metered = true;
		if (this.metered) this.meteredAnswer(slot, state, now, waitMs);
		else this.unmeteredAnswer(now, waitMs);
		this.pump();
	}

	/** Lets waiting requests go as far as the budget and the pace allow. */
	private pump(): void {
		while (this.queue.length > 0) {
			const now = clock.now();
			const next = this.nextSend(now);
			if (next === undefined) return; // waiting for an answer
			if (next.at > now) {
				this.wakeUpAt(next.at);
				return;
			}
			const waiter = this.nextReady();
			// Every request waiting holds its turn: the answer that frees one pumps again.
			if (!waiter) return;
			if (next.probe) {
				this.probeOut = true;
				// Requests still out may reach the server after this one, in the window it begins.
				this.carriedIn = this.inFlight;
			} else {
				if (!this.metered && this.budget !== undefined) this.budget--;
				this.inFlightInWindow++;
				this.sentInWindow++;
			}
			this.lastSentAt = now;
			this.inFlight++;
			waiter.go({ sentAt: now, window: this.window, probe: next.probe });
		}
		this.stopWaking();
	}

	/** The first waiting request that goes now, taken from the queue; those that leave are let go without a slot. */
	private nextReady(): Waiter | undefined {
		for (let index = 0; index < this.queue.length; ) {
			const waiter = this.queue[index];
			const turn = waiter.turn?.() ?? 'go';
			if (turn === 'hold') {
				index++;
				continue;
			}
			this.queue.splice(index, 1);
			if (turn === 'go') return waiter;
			waiter.go(undefined);
		}
		return undefined;
	}

	/** When the next request may go, and whether it goes alone to learn the budget; undefined while it must wait for an answer. */
	private nextSend(now: number): { at: number; probe: boolean } | undefined {
		if (now < this.blockedUntil) return { at: this.blockedUntil, probe: false };
		if (this.endsAt !== undefined && now >= this.endsAt) this.openWindow();
		if (this.probeOut) return undefined;
		const budget = this.metered
			? this.remaining === undefined
				? undefined
				: this.remaining - this.inFlightInWindow - this.reserved
			: this.budget;
		if (budget === undefined) {
			// Without budget headers (known after the first answer): slow start.
			if (this.answered && !this.metered) return this.inFlight < this.maxInFlight ? { at: now, probe: false } : undefined;
			return { at: now, probe: true };
		}
		if (budget <= 0) {
			if (this.endsAt !== undefined) return { at: this.endsAt, probe: false };
			// The end is unknown: once every answer is in, one request asks; a 429 tells when the window ends.
			return this.inFlight > 0 ? undefined : { at: now, probe: true };
		}
		if (this.queue.length <= budget || this.lastSentAt === undefined) return { at: now, probe: false };
		if (this.endsAt === undefined) {
			// More requests than budget and the end unknown: at most half of what is left in flight,
			// so that answers show what anyone else spends before the budget is gone.
			return this.inFlightInWindow < Math.ceil((budget + this.inFlightInWindow) / 2) ? { at: now, probe: false } : undefined;
		}
		// More requests than budget: spread the budget over the rest of the window. When someone
		// else spends it too, the last one is left to them: two spenders that both see one left
		// would both send it, and one would get a 429.
		const spendable = this.othersSpend ? budget - 1 : budget;
		if (spendable <= 0) return { at: this.endsAt, probe: false };
		return { at: this.lastSentAt + (this.endsAt - this.lastSentAt) / (spendable + 1), probe: false };
	}

	private wakeUpAt(at: number): void {
		if (this.wake && this.wake.at <= at) return;
		this.stopWaking();
		const wake = { at, stop: new AbortController() };
		this.wake = wake;
		clock.sleep(Math.max(0, at - clock.now()), wake.stop.signal).then(
			() => {
				if (this.wake === wake) this.wake = undefined;
				this.pump();
			},
			(error: unknown) => {
				// Stopped: nobody waits any more, or an earlier wake-up replaced it.
				if (wake.stop.signal.aborted) return;
				// The wait itself failed: everyone waiting hears why, nobody hangs.
				if (this.wake === wake) this.wake = undefined;
				for (const waiter of this.queue.splice(0)) waiter.fail(error);
			},
		);
	}

	private stopWaking(): void {
		this.wake?.stop.abort();
		this.wake = undefined;
	}

	/** A new window begins: its budget is unknown until an answer tells (or what was learned, without headers). */
	private openWindow(): void {
		this.window++;
		this.inFlightInWindow = 0;
		this.lastSentAt = undefined;
		this.remaining = undefined;
		this.reserved = 0;
		if (!this.metered && this.learned) {
			this.budget = this.learned.budget;
			this.endsAt = clock.now() + this.learned.windowMs;
			this.maxInFlight = Number.POSITIVE_INFINITY;
		} else {
			this.budget = undefined;
			this.endsAt = undefined;
			this.maxInFlight = 1;
		}
	}

	private meteredAnswer(slot: GateSlot, state: RateLimitState, now: number, waitMs: number | undefined): void {
		const refusedForBudget = waitMs !== undefined && !(state.remaining! > 0);
		if (refusedForBudget) {
			// A 429 about a window that is over says nothing about the current one.
			if (slot.window === this.window) this.spent(slot, now, now + waitMs);
			return;
		}
		if (state.remaining === undefined) return;
		if (waitMs === undefined) this.resetOnAnswers = state.resetAt !== undefined;
		if (slot.probe) {
			this.startWindow(slot, state, now);
		} else if (slot.window === this.window) {
			// A later Reset and more budget than this window had left: it came in the server's next
			// window (a server whose Reset moves with every answer does not end the window so).
			const refilled = this.remaining !== undefined && state.remaining > this.remaining;
			if (this.resetOnAnswers && refilled && this.laterWindow(state.resetAt, now)) {
				// This window is over; a request alone asks what is left of the next.
				this.endsBeforeReset = true;
				this.endsAt = now;
				return;
			}
			this.remaining = Math.min(this.remaining ?? state.remaining, state.remaining);
			// The server counted more than this gate sent since the window's budget was told.
			if (this.windowBudget - this.remaining > this.sentInWindow + this.carriedIn) this.othersSpend = true;
			if (this.resetOnAnswers && this.endsAt === undefined) this.endWithReset(state, now);
			// Someone else took the reserve: the window is waited out to its Reset.
			if (this.reserved > this.remaining - this.inFlightInWindow) this.endAtReset();
		}
	}

	/** The answer to the request that went alone: what is left of the window it went into. */
	private startWindow(slot: GateSlot, state: RateLimitState, now: number): void {
		const sameWindow = this.resetOnAnswers && state.resetAt !== undefined && state.resetAt === this.windowResetAt;
		const laterWindow = this.resetOnAnswers && this.laterWindow(state.resetAt, now);
		this.openWindow();
		this.lastSentAt = slot.sentAt;
		this.remaining = state.remaining!;
		this.windowBudget = state.remaining!;
		this.sentInWindow = 0;
		if (sameWindow) {
			// Sent at the end learned, it found the window still open: the window is longer, and ends at its Reset.
			this.windowLength.stillOpen(slot.sentAt);
			this.endAtReset();
			return;
		}
		// Requests this gate sent before this one may be counted in its window; any others were someone else's.
		this.othersSpend = this.limit !== undefined && state.remaining! < this.limit - 1 - this.carriedIn;
		if (laterWindow) this.endsBeforeReset = true;
		if (this.resetOnAnswers) {
			this.windowLength.begun(now);
			this.endWithReset(state, now);
		} else {
			this.endsAt = this.windowLength.begun(now);
		}
	}

	/**
	 * Whether an answer came in a later window of the server's than the current
	 * one although it came before the current one's Reset: the server's windows
	 * end before the Reset it names.
	 */
	private laterWindow(resetAt: number | undefined, now: number): boolean {
		return resetAt !== undefined && this.windowResetAt !== undefined && resetAt > this.windowResetAt && now < this.windowResetAt;
	}

	/**
	 * With Reset on ordinary answers, the current window's end: its Reset, or
	 * sooner what its first answer and the length learned say (a Reset rounded
	 * up is up to a second late: half of a 2-second window).
	 * That sooner end is trusted once the server was seen to end windows before
	 * their Reset; until then one request of the budget is kept for it.
	 */
	private endWithReset(state: RateLimitState, now: number): void {
		if (state.resetAt === undefined || state.resetAt <= now) return;
		this.windowResetAt = state.resetAt;
		this.windowLength.resetSaid(state.resetAt);
		const learned = this.windowLength.endsBy();
		const reserve = this.endsBeforeReset ? 0 : 1;
		if (learned !== undefined && learned < state.resetAt && this.remaining! - this.inFlightInWindow >= reserve) {
			this.endsAt = learned;
			this.reserved = reserve;
		} else {
			this.endAtReset();
		}
	}

	private endAtReset(): void {
		this.endsAt = this.windowResetAt;
		this.reserved = 0;
	}

	/** The server refused a request of the current window for its budget and reopens at `reopensAt`. */
	private spent(slot: GateSlot, now: number, reopensAt: number): void {
		this.windowLength.refused(slot.sentAt, now, reopensAt);
		this.blockedUntil = Math.max(this.blockedUntil, reopensAt);
		this.remaining = 0;
		this.reserved = 0;
		this.endsAt = this.blockedUntil;
	}

	private unmeteredAnswer(now: number, waitMs: number | undefined): void {
		if (waitMs !== undefined) {
			this.refusedUnmetered(now, now + waitMs);
		} else if (now >= (this.countingSince ?? 0)) {
			// Every answered request counts against the limit, failed ones too. Answers
			// that come back while blocked were sent before the 429: they belong to the
			// window that is over.
			this.acceptedSince++;
			if (this.budget === undefined) this.maxInFlight++;
		}
	}

	private refusedUnmetered(now: number, reopensAt: number): void {
		// Several requests in flight come back refused together: the first one decides.
		if (now >= this.blockedUntil && this.acceptedSince > 0) {
			this.learned = { budget: this.acceptedSince, windowMs: reopensAt - (this.countingSince ?? now) };
		}
		if (now >= this.blockedUntil) {
			this.countingSince = reopensAt;
			this.acceptedSince = 0;
		}
		this.blockedUntil = Math.max(this.blockedUntil, reopensAt);
		this.budget = 0;
		this.endsAt = this.blockedUntil;
		this.maxInFlight = 1;
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
