/**
 * Session tokens the nodes log in for (Desk360's email/password mode), shared
 * by every item and execution of this process that uses the same login.
 *
 * A token can die at any time (Desk360 says so only by answering 401), and
 * every refused request counts against the rate limit. So within one
 * execution a token is trusted only after it has worked (or was just issued):
 * until then one request goes first and the others of that execution wait for
 * its answer. A dead token therefore costs one refused request per execution,
 * however many items run at once; the others go out with the new token.
 */

/** Executions remembered per token; older ones simply probe again. */
const TRUSTED_EXECUTIONS = 100;

interface Probe {
	done: Promise<void>;
	settle(): void;
}

export interface TokenTicket {
	token: string;
	/** Call with the answer's fate: whether the server took the token; undefined when no answer came. */
	settle(accepted: boolean | undefined): void;
}

export class TokenSession {
	private token: string | undefined;

	private pending: Promise<string> | undefined;

	/** Executions in which the current token has worked or was issued. */
	private trusted = new Set<string>();

	/** The first request of an execution that has not trusted the token yet, by execution. */
	private readonly probes = new Map<string, Probe>();

	/** Starts from a token n8n stored in the credential, if any: trusted nowhere yet. */
	constructor(storedToken?: string) {
		this.token = storedToken || undefined;
	}

	/** A token for one request of `executionId`; `login` runs when there is none (once for all waiting). */
	async ticket(executionId: string, login: () => Promise<string>): Promise<TokenTicket> {
		for (;;) {
			const token = this.token ?? (await this.renew(login, executionId));
			if (this.trusted.has(executionId)) return { token, settle: (accepted) => this.settled(token, accepted) };
			const probe = this.probes.get(executionId);
			if (probe) {
				await probe.done;
				continue;
			}
			return this.startProbe(token, executionId);
		}
	}

	private startProbe(token: string, executionId: string): TokenTicket {
		let settle!: () => void;
		const done = new Promise<void>((resolve) => (settle = resolve));
		this.probes.set(executionId, { done, settle });
		return {
			token,
			settle: (accepted) => {
				this.settled(token, accepted);
				// Without an answer nothing is known: the next request of the execution tries again.
				if (accepted && this.token === token) this.trust(executionId);
				this.probes.delete(executionId);
				settle();
			},
		};
	}

	private settled(token: string, accepted: boolean | undefined): void {
		if (accepted === false && this.token === token) {
			this.token = undefined;
			this.trusted = new Set();
		}
	}

	private trust(executionId: string): void {
		this.trusted.delete(executionId);
		this.trusted.add(executionId);
		if (this.trusted.size > TRUSTED_EXECUTIONS) this.trusted.delete(this.trusted.values().next().value!);
	}

	private async renew(login: () => Promise<string>, executionId: string): Promise<string> {
		this.pending ??= login()
			.then((token) => {
				this.token = token;
				this.trusted = new Set();
				// A token just issued works: the execution that asked for it need not probe.
				this.trust(executionId);
				return token;
			})
			.finally(() => {
				this.pending = undefined;
			});
		return await this.pending;
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
