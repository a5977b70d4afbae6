import nock from 'nock';

import { API_PATH, API_TOKEN, ORIGIN, credentials, listOf, page, run, sendbird, sendbirdApi } from './fixtures';
import { useVirtualClock } from '../helpers/clock';
import { failureOf, recordRequests } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';

const notes = `${API_PATH}/ticket_notes`;

function createNote() {
	return run('ticketNote', 'create', { ticketId: '12512', note: 'first thing back in office' });
}

function getAgents() {
	return run('agent', 'getAll', { returnAll: true });
}

describe('Sendbird Desk › errors ({message, code})', () => {
	it.each([
		[400, { message: 'The specified ticketId doesn’t exist.', code: 400201 }, 'check the ID'],
		[400, { message: 'note is required.', code: 400105 }, 'A required field is missing'],
		[400, { message: 'The note parameter should be string.', code: 'deskp400111' }, 'wrong type'],
		[400, { message: 'The date range should be within 1 year.', code: 400113 }, 'out of range'],
	])('HTTP %i %p shows Sendbird’s message and what to check', async (status, body, hint) => {
		sendbirdApi().post(notes).reply(status, body);

		const error = await failureOf(createNote());

		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe(body.message);
		expect(error.description).toContain(hint);
		expect(error.description).toContain(`(Sendbird error code: ${body.code})`);
		expect(error.httpCode).toBe(String(status));
		expect(error.context?.itemIndex).toBe(0);
	});

	it.each([401, 403])('HTTP %i points at the API token in the credential and never shows the token', async (status) => {
		sendbirdApi().get(`${API_PATH}/tickets/5`).reply(status, { message: 'Invalid token.', code: 400108 });

		const error = await failureOf(run('ticket', 'get', { ticketId: '5' }));

		expect(error.message).toBe('Invalid token.');
		expect(error.description).toContain('Open the Sendbird Desk credential');
		expect(error.description).toContain('API token');
		expect(JSON.stringify(error)).not.toContain(API_TOKEN);
		expect(JSON.stringify({ ...error, cause: (error as { cause?: unknown }).cause })).not.toContain(API_TOKEN);
	});

	it('an answer without a Sendbird body still says what happened', async () => {
		sendbirdApi().get(`${API_PATH}/groups/9`).reply(404, '<html>Not Found</html>');

		const error = await failureOf(run('group', 'get', { groupId: '9' }));

		expect(error.message).toBe('Sendbird Desk answered HTTP 404');
		expect(error.description).toContain('check the ID');
	});

	it('a network failure names Sendbird Desk and the credential, without the token', async () => {
		nock(ORIGIN).get(`${API_PATH}/tickets/5`).replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));

		const error = await failureOf(run('ticket', 'get', { ticketId: '5' }));

		expect(error.message).toMatch(/^Could not reach Sendbird Desk: /);
		expect(error.description).toContain('Application ID');
		expect(JSON.stringify(error)).not.toContain(API_TOKEN);
	});
});

describe('Sendbird Desk › a Base URL without /platform/v1', () => {
	const NOT_FOUND = { message: 'The resource you are requesting could not be found', code: 400404 };
	const HINT = 'The Base URL in the Sendbird Desk credential does not end in /platform/v1, where Sendbird Desk\'s API is: it should look like https://desk-api-<APP_ID>.sendbird.com/platform/v1';

	function runWithBaseUrl(baseUrl: string) {
		return runNode(sendbird, {
			parameters: { resource: 'ticket', operation: 'get', ticketId: '5' } as never,
			credentials: { sendbirdDeskApi: { ...credentials.sendbirdDeskApi, baseUrl } },
		});
	}

	it.each([
		['the host alone', 'https://proxy.example.com', '/tickets/5'],
		['the host and /platform', 'https://user:secret@proxy.example.com/platform/', '/platform/tickets/5'],
		['Sendbird’s host without the path', ORIGIN, '/tickets/5'],
	])('a 404 says what the Base URL should look like (%s), without repeating it', async (_case, baseUrl, path) => {
		nock(new URL(baseUrl).origin).get(path).reply(404, NOT_FOUND);

		const error = await failureOf(runWithBaseUrl(baseUrl));

		expect(error.message).toBe(NOT_FOUND.message);
		// The hint comes first: it is the likely cause of a 404.
		expect(error.description?.startsWith(HINT)).toBe(true);
		expect(error.description).toContain('(Sendbird error code: 400404)');
		expect(JSON.stringify({ ...error, cause: (error as { cause?: unknown }).cause })).not.toContain('secret');
	});

	it.each([
		['empty (Sendbird’s own address)', ''],
		['a proxy ending in /platform/v1', 'https://proxy.example.com/platform/v1'],
	])('a 404 with a Base URL %s gives no such hint', async (_case, baseUrl) => {
		nock(baseUrl === '' ? ORIGIN : 'https://proxy.example.com').get(`${API_PATH}/tickets/5`).reply(404, NOT_FOUND);

		const error = await failureOf(runWithBaseUrl(baseUrl));

		expect(error.description).not.toContain('Base URL in the Sendbird Desk credential does not end');
		expect(error.description).toContain('check the ID');
	});

	it('other answers give no such hint', async () => {
		nock('https://proxy.example.com').get('/tickets/5').reply(400, { message: 'Bad request.', code: 400111 });

		const error = await failureOf(runWithBaseUrl('https://proxy.example.com'));

		expect(error.description).not.toContain('/platform/v1');
	});
});

describe('Sendbird Desk › 429 and retries', () => {
	let virtual: ReturnType<typeof useVirtualClock>;
	beforeEach(() => {
		virtual = useVirtualClock();
	});
	afterEach(() => virtual.restore());

	it('waits what Retry-After says after a 429, then succeeds', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope
			.get(`${API_PATH}/agents`).query(true).reply(429, { message: 'Too many requests.', code: 500910 }, { 'Retry-After': '3' })
			.get(`${API_PATH}/agents`).query(true).reply(200, page(listOf(2)));

		const { items } = await getAgents();

		expect(items).toHaveLength(2);
		expect(requests).toHaveLength(2);
		expect(virtual.state.sleeps).toEqual([3_000]);
	});

	it('a 429 in the middle of the pages retries that page only', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope
			.get(`${API_PATH}/agents`).query({ limit: '500' })
			.reply(200, page(listOf(500), `${ORIGIN}${API_PATH}/agents?limit=500&offset=500`))
			.get(`${API_PATH}/agents`).query({ limit: '500', offset: '500' }).reply(429, '', { 'Retry-After': '1' })
			.get(`${API_PATH}/agents`).query({ limit: '500', offset: '500' }).reply(200, page(listOf(5, 501)));

		const { items } = await getAgents();

		expect(items).toHaveLength(505);
		expect(requests.map((request) => request.path)).toEqual([
			`${API_PATH}/agents?limit=500`,
			`${API_PATH}/agents?limit=500&offset=500`,
			`${API_PATH}/agents?limit=500&offset=500`,
		]);
	});

	it('without Retry-After, backs off and tries again', async () => {
		sendbirdApi()
			.get(`${API_PATH}/agents`).query(true).reply(429, {})
			.get(`${API_PATH}/agents`).query(true).reply(200, page(listOf(1)));

		const { items } = await getAgents();

		expect(items).toHaveLength(1);
		expect(virtual.state.sleeps).toHaveLength(1);
		expect(virtual.state.sleeps[0]).toBeGreaterThan(0);
	});

	it('a 429 that never ends becomes a clear error once the waits reach the bound', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		// Waits of 10 s: 30 of them are the 5 minutes one request may wait.
		scope.get(`${API_PATH}/agents`).query(true).times(31).reply(429, {}, { 'Retry-After': '10' });

		const error = await failureOf(getAgents());

		expect(requests).toHaveLength(31);
		expect(error.message).toBe('Sendbird Desk kept refusing the request: 429 Too Many Requests');
		expect(error.description).toContain('Sendbird Desk answered this request 429 Too Many Requests 31 times in 5 min.');
		expect(error.description).toContain('The node waited 5 min in all between the tries');
		expect(error.description).toContain("Sendbird Desk's last answer: Retry-After 10 s.");
		expect(error.description).toContain("the Sendbird Desk node's Settings tab → Request Options → Add Option → Batching");
		expect(error.httpCode).toBe('429');
	});

	it('a Retry-After longer than the node waits fails at once with the wait asked for', async () => {
		sendbirdApi().get(`${API_PATH}/agents`).query(true).reply(429, {}, { 'Retry-After': '3600' });

		const error = await failureOf(getAgents());

		expect(error.description).toContain('Sendbird Desk asked to wait 60 min more');
		expect(virtual.state.sleeps).toEqual([]);
	});

	it('Create is sent again after a 429 (Sendbird did not act on it)', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope
			.post(notes).reply(429, {}, { 'Retry-After': '1' })
			.post(notes).reply(200, { id: 51, ticketId: 12512 });

		const { items } = await createNote();

		expect(requests.map((request) => request.method)).toEqual(['POST', 'POST']);
		expect(requests[1].body).toEqual(requests[0].body);
		expect(items.map((item) => item.json)).toEqual([{ id: 51, ticketId: 12512 }]);
	});

	it.each([500, 502, 503, 504])('Create is never sent twice after HTTP %i (it may have been acted on)', async (status) => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope.post(notes).reply(status, { message: 'Internal error', code: 500100 });

		const error = await failureOf(createNote());

		expect(requests).toHaveLength(1);
		expect(error.message).toBe('Internal error');
		expect(error.description).toContain('failed on its side');
		expect(error.httpCode).toBe(String(status));
	});

	it('a read is tried again after a 503', async () => {
		sendbirdApi()
			.get(`${API_PATH}/tickets/5`).reply(503, '')
			.get(`${API_PATH}/tickets/5`).reply(200, { id: 5 });

		const { items } = await run('ticket', 'get', { ticketId: '5' });

		expect(items.map((item) => item.json)).toEqual([{ id: 5 }]);
	});
});
