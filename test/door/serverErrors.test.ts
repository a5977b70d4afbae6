/**
 * Server errors and lost connections: reads are repeated (bounded, with
 * back-off); writes are never sent twice, and the error says they may have
 * been applied and how to check.
 */
import { BASE_URL, desk360, desk360Api, listOf, product, tokenCredentials } from '../desk360/fixtures';
import { useVirtualClock } from '../helpers/clock';
import { failureOf, recordRequests } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';
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
