import nock from 'nock';

import { API_TOKEN, BASE_URL, desk360, desk360Api, listOf, loginCredentials, tokenCredentials } from './fixtures';
import { useVirtualClock } from '../helpers/clock';
import { failureOf, recordRequests } from '../helpers/expectations';
import { runNode, testCredential } from '../helpers/n8n';

const login = { email: 'agent@example.com', password: 'correct horse' };

function getAgents(credentials: Record<string, Record<string, unknown>>, itemCount = 1) {
	return runNode(desk360, {
		parameters: { resource: 'agent', operation: 'getAll', returnAll: true },
		items: Array.from({ length: itemCount }, () => ({ json: {} })),
		credentials: credentials as never,
	});
}

function loginEndpoint() {
	const scope = nock(BASE_URL);
	return { scope, requests: recordRequests(scope) };
}

describe('Desk360 credential › API token', () => {
	it('sends the token as a Bearer Authorization header', async () => {
		const scope = desk360Api(API_TOKEN).get('/v1/agents').reply(200, listOf(1));
		await getAgents(tokenCredentials);
		expect(scope.isDone()).toBe(true);
	});

	it('its test request proves the token with GET /v1/me', async () => {
		const scope = desk360Api().get('/v1/me').reply(200, { id: 11, name: 'John Doe' });

		const answer = await testCredential(desk360, 'desk360Api', {
			...tokenCredentials.desk360Api,
			baseUrl: `${BASE_URL}/`,
		});

		expect(scope.isDone()).toBe(true);
		expect(answer).toEqual({ id: 11, name: 'John Doe' });
	});

	it('uses the Base URL of the credential (a proxy or a test server)', async () => {
		const scope = nock('http://127.0.0.1:8360', { reqheaders: { authorization: `Bearer ${API_TOKEN}` } })
			.get('/v1/agents')
			.reply(200, listOf(2));

		const { items } = await getAgents({ desk360Api: { ...tokenCredentials.desk360Api, baseUrl: 'http://127.0.0.1:8360/' } });

		expect(scope.isDone()).toBe(true);
		expect(items).toHaveLength(2);
	});
});

describe('Desk360 credential › email and password', () => {
	it('logs in with POST /v1/login, keeps the token and uses it, in later runs too', async () => {
		const { scope, requests } = loginEndpoint();
		scope.post('/v1/login').reply(200, { access_token: 'fresh-token', token_type: 'Bearer' });
		const api = desk360Api('fresh-token').get('/v1/agents').times(2).reply(200, listOf(2));

		const { items } = await getAgents(loginCredentials);
		await getAgents(loginCredentials);

		expect(requests).toEqual([
			expect.objectContaining({ method: 'POST', path: '/v1/login', body: login }),
		]);
		expect(api.isDone()).toBe(true);
		expect(items).toHaveLength(2);
	});

	it('starts from a token n8n stored in the credential, without logging in', async () => {
		const stored = { desk360Api: { ...loginCredentials.desk360Api, sessionToken: 'stored-token' } };
		const api = desk360Api('stored-token').get('/v1/agents').reply(200, listOf(1));

		await getAgents(stored);

		expect(api.isDone()).toBe(true);
	});

	it('logs in once for many concurrent items', async () => {
		const { scope, requests } = loginEndpoint();
		scope.post('/v1/login').reply(200, { access_token: 'fresh-token', token_type: 'Bearer' });
		desk360Api('fresh-token').get('/v1/agents').times(5).reply(200, listOf(1));

		const { items } = await getAgents(loginCredentials, 5);

		expect(requests.filter((request) => request.path === '/v1/login')).toHaveLength(1);
		expect(items).toHaveLength(5);
	});

	it('on a 401 logs in again once and repeats the request', async () => {
		const stale = { desk360Api: { ...loginCredentials.desk360Api, sessionToken: 'expired-token' } };
		const { scope, requests } = loginEndpoint();
		scope.post('/v1/login').reply(200, { access_token: 'renewed-token', token_type: 'Bearer' });
		const expired = desk360Api('expired-token')
			.get('/v1/agents')
			.reply(401, { error: { code: 'authentication_exception', message: 'Unauthenticated.' } });
		const renewed = desk360Api('renewed-token').get('/v1/agents').reply(200, listOf(3));

		const { items } = await getAgents(stale);

		expect(requests.filter((request) => request.path === '/v1/login')).toHaveLength(1);
		expect(expired.isDone()).toBe(true);
		expect(renewed.isDone()).toBe(true);
		expect(items).toHaveLength(3);
	});

	it('an expired token costs one refused request however many items run at once; the others wait for the new token', async () => {
		const stale = { desk360Api: { ...loginCredentials.desk360Api, sessionToken: 'expired-token' } };
		const login = nock(BASE_URL).post('/v1/login').reply(200, { access_token: 'renewed-token', token_type: 'Bearer' });
		const expired = desk360Api('expired-token')
			.get('/v1/agents')
			.reply(401, { error: { code: 'authentication_exception', message: 'Unauthenticated.' } });
		const renewed = desk360Api('renewed-token').get('/v1/agents').times(5).reply(200, listOf(1));
		const sent: string[] = [];
		for (const scope of [login, expired, renewed]) {
			scope.on('request', (request: { method: string; path: string; headers: Record<string, unknown> }) =>
				sent.push(`${request.method} ${request.path} ${String(request.headers.authorization ?? '')}`),
			);
		}

		const { items } = await getAgents(stale, 5);

		// 1 refused + 1 login + 5 calls with the new token.
		expect(sent).toEqual([
			'GET /v1/agents Bearer expired-token',
			'POST /v1/login ',
			...Array.from({ length: 5 }, () => 'GET /v1/agents Bearer renewed-token'),
		]);
		expect(renewed.isDone()).toBe(true);
		expect(items).toHaveLength(5);
	});

	it('a token that dies between runs costs one refused request in the next run, not one per item', async () => {
		const { scope, requests } = loginEndpoint();
		scope
			.post('/v1/login').reply(200, { access_token: 'first-token', token_type: 'Bearer' })
			.post('/v1/login').reply(200, { access_token: 'second-token', token_type: 'Bearer' });
		desk360Api('first-token').get('/v1/agents').times(3).reply(200, listOf(1));
		desk360Api('first-token')
			.get('/v1/agents')
			.reply(401, { error: { code: 'authentication_exception', message: 'Unauthenticated.' } });
		desk360Api('second-token').get('/v1/agents').times(3).reply(200, listOf(1));

		await getAgents(loginCredentials, 3);
		const { items } = await getAgents(loginCredentials, 3);

		expect(items).toHaveLength(3);
		expect(requests.filter((request) => request.path === '/v1/login')).toHaveLength(2);
	});

	it('a dropped connection says nothing about the token: the retry uses it again, no login', async () => {
		const stored = { desk360Api: { ...loginCredentials.desk360Api, sessionToken: 'stored-token' } };
		const { scope, requests } = loginEndpoint();
		scope.post('/v1/login').reply(200, { access_token: 'other-token', token_type: 'Bearer' });
		const api = desk360Api('stored-token')
			.get('/v1/agents').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
			.get('/v1/agents').reply(200, listOf(1));

		const virtual = useVirtualClock();
		try {
			await getAgents(stored);
		} finally {
			virtual.restore();
		}

		expect(api.isDone()).toBe(true);
		expect(requests.filter((request) => request.path === '/v1/login')).toHaveLength(0);
		nock.cleanAll();
	});

	it('a wrong password gives one clear error after exactly one login call, and is not retried', async () => {
		const { scope, requests } = loginEndpoint();
		scope.post('/v1/login').reply(401, {
			error: { code: 'invalid_credentials', message: 'Invalid credentials.', doc_url: 'https://docs.desk360.com/api' },
		});

		const error = await failureOf(getAgents(loginCredentials, 4));

		expect(requests).toHaveLength(1);
		expect(error.message).toBe('Desk360 login failed: the email or password is wrong');
		expect(error.description).toContain('locks the login after 5 wrong attempts');
		expect(JSON.stringify(error)).not.toContain(login.password);

		// A second run within the minute does not try the same password again.
		const again = await failureOf(getAgents(loginCredentials));
		expect(requests).toHaveLength(1);
		expect(again.message).toBe('Desk360 login failed: the email or password is wrong');
	});

	it('password_access_disabled says where to switch password access on, and switching it on works at once', async () => {
		nock(BASE_URL)
			.post('/v1/login')
			.reply(403, { error: { code: 'password_access_disabled', message: 'Password access is disabled.' } })
			.post('/v1/login')
			.reply(200, { access_token: 'fresh-token', token_type: 'Bearer' });
		const api = desk360Api('fresh-token').get('/v1/agents').reply(200, listOf(1));

		const error = await failureOf(getAgents(loginCredentials));
		// The user switches password access on and runs again: no minute to wait.
		await getAgents(loginCredentials);

		expect(error.message).toBe('Desk360 login failed: password access is switched off for this account');
		expect(error.description).toContain('Settings → API');
		expect(api.isDone()).toBe(true);
	});

	it('too_many_attempts asks to wait a minute', async () => {
		nock(BASE_URL)
			.post('/v1/login')
			.reply(429, { error: { code: 'too_many_attempts', message: 'Too many attempts.' } });

		const error = await failureOf(getAgents(loginCredentials));

		expect(error.message).toBe('Desk360 login is locked after too many wrong attempts');
		expect(error.description).toContain('Wait one minute');
	});

	it('its credential test logs in and calls GET /v1/me with the new token', async () => {
		const { scope, requests } = loginEndpoint();
		scope.post('/v1/login').reply(200, { access_token: 'fresh-token', token_type: 'Bearer' });
		const me = desk360Api('fresh-token').get('/v1/me').reply(200, { id: 11 });

		await testCredential(desk360, 'desk360Api', loginCredentials.desk360Api);

		expect(requests[0]).toEqual(expect.objectContaining({ path: '/v1/login', body: login }));
		expect(me.isDone()).toBe(true);
	});
});
