/**
 * Session tokens the nodes log in for (Desk360's email/password mode), shared
 * by every item and execution of this process that uses the same login.
 *
 * A token can die at any time (Desk360 says so only by answering 401), and
 * every refused request counts against the rate limit. So a dead token may
 * cost one refused request in this process, whatever the concurrency and the
 * pacing:
 * - the token is taken when a request goes out (the rate gate asks `take` at
 *   that moment), not when it starts waiting, so requests that waited for their
 *   turn while the token died go with the new one;
 * - one request with the token is out at a time: the others keep their turn
 *   until its answer is in, so no second request meets the same dead token
 *   (requests are paced further apart than a round trip anyway, so this costs
 *   time only where several would have gone at once);
 * - once the token is refused, the others leave the gate's queue and wait for
 *   the one login that renews it.
 */
import type { Turn } from './rateGate';

export interface TokenTicket {
	token: string;
	/** Call with the answer's fate: whether the server took the token; undefined when no answer came. */
	settle(accepted: boolean | undefined): void;
}

export class TokenSession {
	private token: string | undefined;

	private pending: Promise<void> | undefined;

	/** Whether a request with the token is out. */
	private out = false;

	/** Starts from a token n8n stored in the credential, if any. */
	constructor(storedToken?: string) {
		this.token = storedToken || undefined;
	}

	/** Resolves when there is a token: `login` runs when there is none (once for all waiting); a refused login rejects. */
	async ready(login: () => Promise<string>): Promise<void> {
		while (this.token === undefined) {
			this.pending ??= login()
				.then((token) => {
					this.token = token;
				})
				.finally(() => {
					this.pending = undefined;
				});
			await this.pending;
		}
	}

	/**
	 * At a request's turn to go out: the token, unless another request with it is
	 * out ('hold') or there is none, it having been refused ('leave': get `ready`).
	 */
	take(): TokenTicket | Exclude<Turn, 'go'> {
		const { token } = this;
		if (token === undefined) return 'leave';
		if (this.out) return 'hold';
		this.out = true;
		return {
			token,
			settle: (accepted) => {
				this.out = false;
				if (accepted === false && this.token === token) this.token = undefined;
			},
		};
	}
}

const sessions = new Map<string, TokenSession>();

/** The session of one login (keyed by service and login), created on first use. */
export function tokenSession(key: string, storedToken?: string): TokenSession {
	let session = sessions.get(key);
	if (!session) {
		session = new TokenSession(storedToken);
		sessions.set(key, session);
	}
	return session;
}

/** Forgets every session (tests start each case logged out). */
export function resetTokenSessions(): void {
	sessions.clear();
}
