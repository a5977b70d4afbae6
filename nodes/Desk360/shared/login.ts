import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { clock } from '../../shared/clock';

/**
 * A login Desk360 refused. It carries no HTTP answer, so n8n never retries it as
 * a 401; n8n wraps it in a NodeApiError that keeps its message, description and
 * code (as httpCode).
 */
export class Desk360LoginError extends Error {
	constructor(
		message: string,
		readonly code: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'Desk360LoginError';
	}
}

/** The codes a Desk360LoginError can carry. */
export const LOGIN_ERROR_CODES = new Set([
	'invalid_credentials',
	'password_access_disabled',
	'too_many_attempts',
	'login_failed',
]);

const LOGIN_REFUSALS: Record<string, { message: string; hint: string }> = {
	invalid_credentials: {
		message: 'Desk360 login failed: the email or password is wrong',
		hint: 'Correct the email and password in the Desk360 credential. The node does not try again by itself: Desk360 locks the login after 5 wrong attempts in a minute.',
	},
	password_access_disabled: {
		message: 'Desk360 login failed: password access is switched off for this account',
		hint: 'Switch on password access in the Desk360 Panel under Settings → API, or set the credential to API Token and paste a token created there.',
	},
	too_many_attempts: {
		message: 'Desk360 login is locked after too many wrong attempts',
		hint: 'Wait one minute, check the email and password in the credential, then run the workflow again.',
	},
};

/** How long a refused login is remembered, so no run retries a wrong password (Desk360 counts 5 a minute). */
const REFUSAL_MEMORY_MS = 60_000;

interface Session {
	token?: string;
	pending?: Promise<string>;
	refusal?: { error: Desk360LoginError; until: number };
}

const sessions = new Map<string, Session>();

function sessionKey(baseUrl: string, email: string, password: string): string {
	return createHash('sha256').update(`${baseUrl}\n${email}\n${password}`).digest('hex');
}

export function desk360BaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || 'https://api.desk360.com').replace(/\/+$/, '');
}

async function login(
	helper: IHttpRequestHelper,
	baseUrl: string,
	email: string,
	password: string,
): Promise<string> {
	let answer: { access_token?: unknown };
	try {
		answer = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/v1/login`,
			body: { email, password },
			json: true,
		})) as { access_token?: unknown };
	} catch (error) {
		const response = (error as { response?: { status?: number; data?: unknown } }).response;
		const apiError = (response?.data as { error?: { code?: string; message?: string } } | undefined)
			?.error;
		const code = apiError?.code ?? 'login_failed';
		const refusal = LOGIN_REFUSALS[code] ?? {
			message: `Desk360 login failed: ${apiError?.message ?? (response ? `HTTP ${response.status}` : (error as Error).message)}`,
			hint: 'Check the Base URL, email and password in the Desk360 credential.',
		};
		// preAuthentication runs without a node to build a NodeApiError from; the
		// transport turns this error into one (see desk360Error).
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw new Desk360LoginError(refusal.message, code, refusal.hint);
	}
	if (typeof answer?.access_token !== 'string' || answer.access_token === '') {
		throw new Desk360LoginError(
			'Desk360 login answered without an access token',
			'login_failed',
			'Check that the Base URL in the credential points at the Desk360 API.',
		);
	}
	return answer.access_token;
}

/**
 * The token for an email/password credential. Concurrent items share one login;
 * a token another item already renewed is reused; a refused login is remembered
 * for a minute and never sent again meanwhile.
 */
export async function desk360SessionToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const baseUrl = desk360BaseUrl(credentials);
	const email = String(credentials.email ?? '');
	const password = String(credentials.password ?? '');
	if (email === '' || password === '') {
		throw new Desk360LoginError(
			'Desk360 login needs an email and a password',
			'login_failed',
			'Fill in both fields of the Desk360 credential, or switch it to API Token.',
		);
	}
	const key = sessionKey(baseUrl, email, password);
	let session = sessions.get(key);
	if (!session) {
		session = {};
		sessions.set(key, session);
	}
	if (session.refusal && clock.now() < session.refusal.until) throw session.refusal.error;
	if (session.pending) return await session.pending;
	// The token this request failed with (empty on the first call): only that one needs replacing.
	const staleToken = String(credentials.sessionToken ?? '');
	if (session.token && session.token !== staleToken) return session.token;

	const current = session;
	current.pending = login(helper, baseUrl, email, password)
		.then((token) => {
			current.token = token;
			current.refusal = undefined;
			return token;
		})
		.catch((error: unknown) => {
			if (error instanceof Desk360LoginError && LOGIN_REFUSALS[error.code]) {
				current.refusal = { error, until: clock.now() + REFUSAL_MEMORY_MS };
			}
			throw error;
		})
		.finally(() => {
			current.pending = undefined;
		});
	return await current.pending;
}

/** Forgets every session (tests start each case logged out). */
export function resetDesk360Sessions(): void {
	sessions.clear();
}
