/** Such windows last whole seconds, and their Reset and Retry-After count whole seconds, rounded up. */
const SECOND = 1000;

/**
 * How long a server's fixed windows last (whole seconds), learned from what
 * its answers say: needed where a window starts at the first request after
 * the last one ended (Laravel's throttle, Desk360's likely shape), and holds
 * for windows on the clock too.
 *
 * Every observation is a moment the window was still open: a window began
 * before this gate's first answer in it, so it lasts longer than from that
 * answer to any such moment. The length is the largest such lower bound, so a
 * window ends at the latest that long after its first answer (`endsBy`).
 * - A 429 (the only word on the end when Reset comes only with it): the window
 *   was open when the refused request arrived, and after the reopening it
 *   names less a second (rounded up) and less the answer's round trip.
 * - An X-RateLimit-Reset on an ordinary answer: the window is open until a
 *   second before it (rounded up, as GitHub and many Laravel set-ups send it,
 *   it is up to a second late; exact, on windows aligned on the clock).
 * - A request sent at the predicted end that found the window still open.
 * A length a second short shows itself at once: the request sent at the
 * predicted end finds the window open (its budget spent: gets a 429), and so
 * gives the whole length.
 */
export class WindowLength {
	private lengthMs: number | undefined;

	/** When this gate's first answer in the current window came. */
	private firstAnswerAt: number | undefined;

	/** The current window's first answer to this gate came `now`; returns when the window ends at the latest, once the length is known. */
	begun(now: number): number | undefined {
		this.firstAnswerAt = now;
		return this.endsBy();
	}

	/** When the current window ends at the latest; undefined while the length is unknown. */
	endsBy(): number | undefined {
		return this.lengthMs === undefined || this.firstAnswerAt === undefined ? undefined : this.firstAnswerAt + this.lengthMs;
	}

	/** The current window was still open at `at`. */
	stillOpen(at: number): void {
		if (this.firstAnswerAt === undefined || at < this.firstAnswerAt) return;
		const longerThan = at - this.firstAnswerAt;
		this.lengthMs = Math.max(this.lengthMs ?? 0, (Math.floor(longerThan / SECOND) + 1) * SECOND);
	}

	/** An ordinary answer of the current window named `resetAt` as its X-RateLimit-Reset. */
	resetSaid(resetAt: number): void {
		this.stillOpen(resetAt - SECOND);
	}

	/** A request of the current window, sent at `sentAt`, was refused `now`; the window reopens at `reopensAt`. */
	refused(sentAt: number, now: number, reopensAt: number): void {
		this.stillOpen(Math.max(sentAt, reopensAt - SECOND - (now - sentAt)));
	}
}
