/** Such windows last whole seconds, and their Reset and Retry-After count whole seconds, rounded up. */
const SECOND = 1000;

/**
 * When the windows of a server end that tells its reset time only with a 429
 * (Laravel's throttle, Desk360's likely shape): a window starts at the first
 * request after the last one ended and lasts whole seconds.
 *
 * Each 429 shows a length the window exceeds: it began before this gate's first
 * answer in it, and it was still open when the refused request arrived and
 * after the reopening the 429 names less a second (rounded up) and less the
 * answer's round trip. The length is the largest of these, so a window ends at
 * the latest that long after its first answer. A length a second short shows
 * itself at once: the request sent at the predicted end gets a 429, and that
 * 429, sent so late in the window, gives the whole length.
 */
export class WindowLength {
	private lengthMs: number | undefined;

	/** When this gate's first answer in the current window came. */
	private firstAnswerAt: number | undefined;

	/** The current window's first answer to this gate came `now`; returns when the window ends at the latest, once the length is known. */
	begun(now: number): number | undefined {
		this.firstAnswerAt = now;
		return this.lengthMs === undefined ? undefined : now + this.lengthMs;
	}

	/** A request of the current window, sent at `sentAt`, was refused `now`; the window reopens at `reopensAt`. */
	refused(sentAt: number, now: number, reopensAt: number): void {
		if (this.firstAnswerAt === undefined) return;
		const openAfter = Math.max(sentAt, reopensAt - SECOND - (now - sentAt));
		const longerThan = openAfter - this.firstAnswerAt;
		this.lengthMs = Math.max(this.lengthMs ?? 0, (Math.floor(longerThan / SECOND) + 1) * SECOND);
	}
}
