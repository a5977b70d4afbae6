// Desk360 tokens and POST /v1/login: the panel's API token, tokens issued by
// login (renewable: /__sandbox/expire-tokens forgets them), password access per
// agent, and the lock after 5 wrong attempts in a minute for an email.
import { randomBytes } from 'node:crypto';

import { ApiError } from './router.mjs';
import { SANDBOX_CREDENTIALS } from './seed.mjs';
import { rules, validate } from './validation.mjs';

const MAX_WRONG_ATTEMPTS = 5;
const ATTEMPT_WINDOW_MS = 60_000;

/** Who may log in with a password: every agent but the "no access" one. */
function passwordAccess(email) {
	return email !== SANDBOX_CREDENTIALS.desk360.noAccessEmail;
}

export function createAuthState() {
	return {
		/** token -> agent id, for tokens issued by login */
		tokens: new Map(),
		/** agent id -> its current login token (login returns it again) */
		byAgent: new Map(),
		/** email -> times of wrong attempts */
		failures: new Map(),
	};
}

/** The agent a request's Bearer token belongs to, or authentication_exception. */
export function authenticate(req, state) {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
	const token = match?.[1];
	const agents = state.data.desk360.agents;
	const agentId = token === SANDBOX_CREDENTIALS.desk360.apiToken ? agents[0].id : state.auth.tokens.get(token);
	const agent = agents.find((each) => each.id === agentId);
	if (!agent) throw new ApiError(401, 'authentication_exception', 'Unauthenticated.');
	return agent;
}

/** Forgets every token login issued; returns how many. */
export function expireTokens(state) {
	const count = state.auth.tokens.size;
	state.auth.tokens.clear();
	state.auth.byAgent.clear();
	return count;
}

function recentFailures(state, email, now) {
	const times = (state.auth.failures.get(email) ?? []).filter((at) => now - at < ATTEMPT_WINDOW_MS);
	state.auth.failures.set(email, times);
	return times;
}

/** POST /v1/login {email, password} -> {access_token, token_type}. */
export function login(ctx) {
	const { state, body } = ctx;
	const now = Date.now();
	const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : body.email;
	const failures = typeof email === 'string' ? recentFailures(state, email, now) : [];
	try {
		if (failures.length >= MAX_WRONG_ATTEMPTS) {
			const retryAfter = Math.max(1, Math.ceil((failures[0] + ATTEMPT_WINDOW_MS - now) / 1000));
			throw new ApiError(429, 'too_many_attempts', `Too many login attempts. Please try again in ${retryAfter} seconds.`, {
				'Retry-After': String(retryAfter),
			});
		}
		validate(body, { email: [rules.required, rules.string, rules.email], password: [rules.required, rules.string] });
		const agent = state.data.desk360.agents.find((each) => each.email === email);
		if (!agent || body.password !== SANDBOX_CREDENTIALS.desk360.password) {
			failures.push(now);
			throw new ApiError(401, 'invalid_credentials', 'These credentials do not match our records.');
		}
		if (!passwordAccess(email)) {
			throw new ApiError(403, 'password_access_disabled', 'Password access is disabled. Enable it in Desk360 Panel / Settings / API.');
		}
		// Login returns the agent's token while it lasts, else makes a new one.
		let token = state.auth.byAgent.get(agent.id);
		if (!token) {
			token = randomBytes(60).toString('base64url').slice(0, 80);
			state.auth.tokens.set(token, agent.id);
			state.auth.byAgent.set(agent.id, token);
		}
		state.stats.logins++;
		return { body: { access_token: token, token_type: 'Bearer' } };
	} catch (error) {
		state.stats.failedLogins++;
		throw error;
	}
}
