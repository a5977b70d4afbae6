import nock from 'nock';

import { API_TOKEN, BASE_URL, desk360, desk360Api, listOf, loginCredentials, tokenCredentials } from './fixtures';
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
	it('logs in with POST /v1/login, keeps the token and uses it', async () => {
		const { scope, requests } = loginEndpoint();
		scope.post('/v1/login').reply(200, { access_token: 'fresh-token', token_type: 'Bearer' });
		const api = desk360Api('fresh-token').get('/v1/agents').reply(200, listOf(2));

		const { items, credentialsHelper } = await getAgents(loginCredentials);

		expect(requests).toEqual([
			expect.objectContaining({ method: 'POST', path: '/v1/login', body: login }),
		]);
		expect(api.isDone()).toBe(true);
		expect(items).toHaveLength(2);
		// n8n stores the token in the credential's hidden field.
		expect(credentialsHelper.store.desk360Api.sessionToken).toBe('fresh-token');
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
		// The node's own attempt, then n8n's attempt that triggers its re-login.
		desk360Api('expired-token')
			.get('/v1/agents')
			.times(2)
			.reply(401, { error: { code: 'authentication_exception', message: 'Unauthenticated.' } });
		const renewed = desk360Api('renewed-token').get('/v1/agents').reply(200, listOf(3));

		const { items, credentialsHelper } = await getAgents(stale);

		expect(requests.filter((request) => request.path === '/v1/login')).toHaveLength(1);
		expect(renewed.isDone()).toBe(true);
		expect(items).toHaveLength(3);
		expect(credentialsHelper.store.desk360Api.sessionToken).toBe('renewed-token');
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

	it('password_access_disabled says where to switch password access on', async () => {
		nock(BASE_URL)
			.post('/v1/login')
			.reply(403, { error: { code: 'password_access_disabled', message: 'Password access is disabled.' } });

		const error = await failureOf(getAgents(loginCredentials));

		expect(error.message).toBe('Desk360 login failed: password access is switched off for this account');
		expect(error.description).toContain('Settings → API');
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
