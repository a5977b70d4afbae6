/**
 * Server errors and lost connections: reads are repeated (bounded, with
 * back-off); writes are never sent twice, and the error says they may have
 * been applied and how to check.
 */
import { BASE_URL, desk360, desk360Api, listOf, product, tokenCredentials } from '../desk360/fixtures';
import { useVirtualClock } from '../helpers/clock';
import { failureOf, recordRequests } from '../helpers/expectations';
import { limitedApi } from '../helpers/limitedApi';
import { runNode } from '../helpers/n8n';
import { clock } from '../../nodes/shared/clock';
import { retryPolicy } from '../../nodes/shared/retry';

const serverError = { error: { code: 'internal_server_error', message: 'Server Error' } };
const TICKETS = '/v1/products/12/tickets';

let virtual: ReturnType<typeof useVirtualClock>;
beforeEach(() => {
	virtual = useVirtualClock();
});
afterEach(() => virtual.restore());

function listTickets() {
	return runNode(desk360, {
		parameters: { resource: 'ticket', operation: 'getAll', product: product(12), returnAll: true },
		credentials: tokenCredentials,
	});
}

function createTicket() {
	return runNode(desk360, {
		parameters: {
			resource: 'ticket',
			operation: 'create',
			product: product(12),
			customerName: 'Jane',
			email: 'jane@example.com',
			reason: 3,
			description: 'Help',
			status: 2,
		},
		credentials: tokenCredentials,
	});
}

const networkError = (code: string, message: string) => Object.assign(new Error(message), { code });

const next = (page: number) => ({ Link: `<${BASE_URL}${TICKETS}?page=${page}>; rel=next` });

function getTicket() {
	return runNode(desk360, {
		parameters: { resource: 'ticket', operation: 'get', product: product(12), ticketId: { __rl: true, mode: 'id', value: '5' } },
		credentials: tokenCredentials,
	});
}

describe('the door › server errors on reads', () => {
	it('a 500 on page 2 of a Return All is retried after a back-off; the list comes back whole', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope
			.get(TICKETS).reply(200, listOf(20, 1), next(2))
			.get(TICKETS).query({ page: '2' }).reply(500, serverError)
			.get(TICKETS).query({ page: '2' }).reply(200, listOf(20, 21), next(3))
			.get(TICKETS).query({ page: '3' }).reply(200, listOf(5, 41));

		const { items } = await listTickets();

		expect(items).toHaveLength(45);
		expect(requests).toHaveLength(4);
		expect(virtual.state.sleeps).toHaveLength(1);
		expect(virtual.state.sleeps[0]).toBeGreaterThanOrEqual(retryPolicy.backoffBaseMs / 2);
	});

	it.each([502, 503, 504])('a %i is retried too', async (status) => {
		desk360Api().get(TICKETS).reply(status, '').get(TICKETS).reply(200, listOf(1));
		expect((await listTickets()).items).toHaveLength(1);
	});

	it('a dropped connection on a read is retried', async () => {
		desk360Api()
			.get(TICKETS).replyWithError(networkError('ECONNRESET', 'socket hang up'))
			.get(TICKETS).reply(200, listOf(1));
		expect((await listTickets()).items).toHaveLength(1);
	});

	it('a server that keeps failing: bounded tries, then Desk360’s message', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get(TICKETS).times(retryPolicy.maxTries).reply(500, serverError);

		const error = await failureOf(listTickets());

		expect(requests).toHaveLength(retryPolicy.maxTries);
		expect(error.message).toBe('Server Error');
		expect(error.description).not.toContain('may have');
	});

	it('a refused connection (wrong Base URL) is not waited on', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get(TICKETS).replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'));

		const error = await failureOf(listTickets());

		expect(requests).toHaveLength(1);
		expect(virtual.state.sleeps).toEqual([]);
		expect(error.message).toContain('Could not reach Desk360');
	});
});

describe('the door › writes are never sent twice', () => {
	it.each([500, 502, 503])('a create that got a %i is not repeated; the error says it may have been applied', async (status) => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post(TICKETS).reply(status, serverError);

		const error = await failureOf(createTicket());

		expect(requests).toHaveLength(1);
		expect(error.description).toContain('This POST may have reached Desk360 and been applied');
		expect(error.description).toContain('before you run it again');
	});

	it('a create whose connection dropped is not repeated; the error says it may have been applied', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post(TICKETS).replyWithError(networkError('ECONNRESET', 'socket hang up'));

		const error = await failureOf(createTicket());

		expect(requests).toHaveLength(1);
		expect(error.message).toContain('Could not reach Desk360');
		expect(error.description).toContain('may have reached Desk360 and been applied');
	});

	it('a create refused with a 4xx says nothing of that: it was not applied', async () => {
		desk360Api().post(TICKETS).reply(422, { error: { code: 'failed_validation', message: 'The email must be valid.' } });

		const error = await failureOf(createTicket());

		expect(error.description).not.toContain('may have');
	});
});

describe('the door › a server error is not a rate limit (X-RateLimit-Reset on every answer)', () => {
	// The Basic plan, its window reset on every answer: a minute away at the start.
	const server = () => limitedApi({ limit: 10, windowMs: 60_000, mode: 'aligned' });
	const fail = (status = 500, headers: Record<string, string> = {}) => (): [number, unknown, Record<string, string>] => [status, serverError, headers];

	function timesOf(scope: ReturnType<typeof desk360Api>) {
		const started = clock.now();
		const at: number[] = [];
		scope.on('request', () => at.push(clock.now() - started));
		return at;
	}

	it('a Get answered 500 once is sent again after about a second, not at the window’s reset', async () => {
		const api = server();
		const scope = desk360Api();
		const at = timesOf(scope);
		scope
			.get(`${TICKETS}/5`).reply(() => api.reply(fail()))
			.get(`${TICKETS}/5`).reply(() => api.reply(() => [200, { id: 5 }]));

		const { items } = await getTicket();

		expect(items).toEqual([expect.objectContaining({ json: expect.objectContaining({ id: 5 }) })]);
		expect(at).toHaveLength(2);
		expect(at[1]).toBeGreaterThanOrEqual(retryPolicy.backoffBaseMs / 2);
		expect(at[1]).toBeLessThanOrEqual(retryPolicy.backoffBaseMs);
	});

	it('a Return All with a 500 on page 2 comes back whole, about a second later', async () => {
		const api = server();
		const scope = desk360Api();
		const at = timesOf(scope);
		scope
			.get(TICKETS).reply(() => api.reply(() => [200, listOf(20, 1), next(2)]))
			.get(TICKETS).query({ page: '2' }).reply(() => api.reply(fail()))
			.get(TICKETS).query({ page: '2' }).reply(() => api.reply(() => [200, listOf(20, 21), next(3)]))
			.get(TICKETS).query({ page: '3' }).reply(() => api.reply(() => [200, listOf(5, 41)]));

		const { items } = await listTickets();

		expect(items).toHaveLength(45);
		expect(at).toHaveLength(4);
		expect(at[3]).toBeLessThanOrEqual(retryPolicy.backoffBaseMs);
	});

	it('a page that keeps answering 500 fails with Desk360’s message after 5 tries and at most 15 s, saying so', async () => {
		const api = server();
		const scope = desk360Api();
		const at = timesOf(scope);
		scope.get(TICKETS).times(retryPolicy.maxTries).reply(() => api.reply(fail()));

		const error = await failureOf(listTickets());

		expect(retryPolicy.maxTries).toBe(5);
		expect(at).toHaveLength(5);
		// Back-off 1, 2, 4, 8 s, each with jitter down to half.
		expect(at.at(-1)).toBeGreaterThanOrEqual(7_500);
		expect(at.at(-1)).toBeLessThanOrEqual(15_000);
		expect(error.message).toBe('Server Error');
		expect(error.httpCode).toBe('500');
		const told = /Desk360 answered this request with a server error 5 times in ([\d.]+) s; the node sent it again after a short wait each time\./.exec(error.description ?? '');
		expect(Number(told?.[1])).toBeGreaterThanOrEqual(7.5);
		expect(Number(told?.[1])).toBeLessThanOrEqual(15);
	});

	it('a 503 that sends Retry-After is sent again when it says', async () => {
		const api = server();
		const scope = desk360Api();
		const at = timesOf(scope);
		scope
			.get(`${TICKETS}/5`).reply(() => api.reply(fail(503, { 'Retry-After': '3' })))
			.get(`${TICKETS}/5`).reply(() => api.reply(() => [200, { id: 5 }]));

		await getTicket();

		expect(at).toEqual([0, 3_000]);
	});

	it(`a 503 that asks for longer than the ${retryPolicy.maxServerErrorWaitMs / 1000} s a read waits for server errors fails at once`, async () => {
		const api = server();
		const scope = desk360Api();
		const at = timesOf(scope);
		scope.get(`${TICKETS}/5`).reply(() => api.reply(fail(503, { 'Retry-After': '120' })));

		const error = await failureOf(getTicket());

		expect(at).toEqual([0]);
		expect(error.httpCode).toBe('503');
		expect(error.description).toContain('Desk360 asked to wait 2 min before the next try, longer than the 30 s a read waits in all for server errors.');
	});
});
