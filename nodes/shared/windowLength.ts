/** Such windows last whole seconds, and their Reset and Retry-After count whole seconds, rounded up. */
const SECOND = 1000;

/** How late after a window's end a request may go and still count as sent right after it. */
const PROMPT_MS = 250;

/**
 * When the windows of a server end that tells its reset time only with a 429
 * (Laravel's throttle, Desk360's likely shape): a window starts at the first
 * request after the last one ended and lasts whole seconds. The length is
 * learned from 429s as the least of what each shows it can be at most: the
 * whole seconds from the earliest the window can have started to the reopening
 * the 429 names. A window then ends at the latest that long after its first
 * answer came back.
 */
export class WindowLength {
	private lengthMs: number | undefined;

	/** The earliest the current window can have started: when this gate's request began it, or just after the last window ended. */
	private startsAfter: number | undefined;

	/** The last window's end as a 429 told it: at the earliest `after`, at the latest `reopen`. */
	private lastEnd: { after: number; reopen: number } | undefined;

	/** Whether the current window's end was predicted from the learned length. */
	private predicted = false;

	/**
	 * The current window's first answer to this gate came `now`, to a request sent
	 * at `sentAt`; `first`: that request began the window (Remaining said Limit − 1).
	 * Returns when the window ends at the latest, once the length is known.
	 */
	begun(sentAt: number, now: number, first: boolean): number | undefined {
		const rightAfterLastEnd = this.lastEnd !== undefined && sentAt - this.lastEnd.reopen <= PROMPT_MS;
		this.startsAfter = first ? sentAt : rightAfterLastEnd ? this.lastEnd!.after : undefined;
		this.predicted = this.lengthMs !== undefined;
		return this.lengthMs === undefined ? undefined : now + this.lengthMs;
	}

	/**
	 * A request of the current window, sent at `sentAt`, was refused `now`; the
	 * window reopens at `reopensAt`. `probe`: it went when the predicted end had
	 * passed, so a refusal shows the prediction was early.
	 */
	refused(sentAt: number, now: number, reopensAt: number, probe: boolean): void {
		if (probe && this.predicted) this.lengthMs = undefined;
		if (this.startsAfter !== undefined) {
			const length = Math.floor((reopensAt - this.startsAfter) / SECOND) * SECOND;
			if (length >= SECOND) this.lengthMs = Math.min(this.lengthMs ?? length, length);
		}
		// Rounded up to a whole second, and the answer took its time to come back.
		this.lastEnd = { after: reopensAt - SECOND - (now - sentAt), reopen: reopensAt };
		this.predicted = false;
	}
}
