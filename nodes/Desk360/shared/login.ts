import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import type { HttpAnswer } from '../../shared/service';
import { desk360BaseUrl } from './baseUrl';

/**
 * A login Desk360 refused. The door turns it into a NodeApiError with its
 * message, description and code (see desk360Error); n8n's own credential test
 * shows its message.
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

/**
 * Refusals remembered for a minute, so no run sends a wrong password again
 * (Desk360 locks the login after 5 wrong attempts a minute). "Password access
 * is switched off" is not remembered: switching it on must work at once.
 */
const REMEMBERED_REFUSALS = new Set(['invalid_credentials', 'too_many_attempts']);

const REFUSAL_MEMORY_MS = 60_000;

const refusals = new Map<string, { error: Desk360LoginError; until: number }>();

/** One login: the same address, email and password share a token. */
export function desk360LoginKey(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(`${desk360BaseUrl(credentials)}\n${String(credentials.email ?? '')}\n${String(credentials.password ?? '')}`)
		.digest('hex');
}

/** The token of a login answer, or the Desk360LoginError that says why there is none. */
function tokenOf(answer: HttpAnswer): string | Desk360LoginError {
	const body = (answer.body ?? {}) as { access_token?: unknown; error?: { code?: string; message?: string } };
	if (answer.statusCode < 400 && typeof body.access_token === 'string' && body.access_token !== '') {
		return body.access_token;
	}
	if (answer.statusCode < 400) {
		return new Desk360LoginError(
			'Desk360 login answered without an access token',
			'login_failed',
			'Check that the Base URL in the credential points at the Desk360 API.',
		);
	}
	const code = body.error?.code ?? 'login_failed';
	const refusal = LOGIN_REFUSALS[code] ?? {
		message: `Desk360 login failed: ${body.error?.message ?? `HTTP ${answer.statusCode}`}`,
		hint: 'Check the Base URL, email and password in the Desk360 credential.',
	};
	return new Desk360LoginError(refusal.message, code, refusal.hint);
}

/**
 * Logs in with the credential's email and password (`POST /v1/login`, sent by
 * `post`) and returns the token. A wrong password is never sent again within
 * the minute: the remembered refusal is thrown instead.
 */
export async function desk360Login(
	credentials: ICredentialDataDecryptedObject,
	post: (options: IHttpRequestOptions) => Promise<HttpAnswer>,
): Promise<string> {
	const email = String(credentials.email ?? '');
	const password = String(credentials.password ?? '');
	if (email === '' || password === '') {
		throw new Desk360LoginError(
			'Desk360 login needs an email and a password',
			'login_failed',
			'Fill in both fields of the Desk360 credential, or switch it to API Token.',
		);
	}
	const key = desk360LoginKey(credentials);
	const refusal = refusals.get(key);
	if (refusal && clock.now() < refusal.until) throw refusal.error;
	refusals.delete(key);
	const token = tokenOf(await post({ method: 'POST', url: '/v1/login', body: { email, password }, json: true }));
	if (typeof token === 'string') return token;
	if (REMEMBERED_REFUSALS.has(token.code)) refusals.set(key, { error: token, until: clock.now() + REFUSAL_MEMORY_MS });
	throw token;
}

/** Forgets every remembered refusal (tests start each case afresh). */
export function resetDesk360Logins(): void {
	refusals.clear();
}
