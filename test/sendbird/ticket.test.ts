import { API_PATH, API_TOKEN, page, run, sendbirdApi } from './fixtures';
import { failureOf, recordRequests } from '../helpers/expectations';

const ticket = { id: 5, channelName: 'Order question', status2: 'ACTIVE', priority: 'MEDIUM' };

describe('Sendbird Desk › Ticket (public documentation)', () => {
	describe('Get Many', () => {
		it('sends status2, agent and q as query parameters; one item per ticket', async () => {
			const scope = sendbirdApi();
			const requests = recordRequests(scope);
			scope
				.get(`${API_PATH}/tickets`)
				.query({ limit: '500', status2: 'PENDING', agent: '7', q: 'refund' })
				.reply(200, page([ticket, { ...ticket, id: 6 }]));

			const { items } = await run('ticket', 'getAll', {
				returnAll: true,
				filters: { status: 'PENDING', agent: ' 7 ', search: 'refund' },
			});

			expect(requests).toHaveLength(1);
			expect(requests[0].headers.sendbirddeskapitoken).toBe(API_TOKEN);
			expect(items.map((item) => item.json)).toMatchObject([ticket, { ...ticket, id: 6 }]);
		});

		it.each([
			[{ agent: 'me' }, 'Agent must be a positive whole number (an ID) (found: "me")'],
			[
				{ status: '={{ "OPEN" }}' },
				'Status must be one of ACTIVE, CLOSED, IDLE, INITIALIZED, PENDING, PROACTIVE, WORK_IN_PROGRESS (found: "OPEN")',
			],
		])('refuses the filters %p before sending anything', async (filters, message) => {
			const error = await failureOf(run('ticket', 'getAll', { returnAll: true, filters }));
			expect(error.message).toBe(message);
		});
	});

	it('Get sends GET /tickets/:id and outputs the ticket', async () => {
		const scope = sendbirdApi().get(`${API_PATH}/tickets/5`).reply(200, ticket);

		const { items } = await run('ticket', 'get', { ticketId: '5' });

		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.json)).toMatchObject([ticket]);
	});

	describe('Close', () => {
		it('sends PATCH /tickets/:id/close with the close comment', async () => {
			const closed = { ...ticket, status2: 'CLOSED', closeComment: 'Solved by phone' };
			const scope = sendbirdApi();
			const requests = recordRequests(scope);
			scope.patch(`${API_PATH}/tickets/5/close`).reply(200, closed);

			const { items } = await run('ticket', 'close', {
				ticketId: '5',
				additionalFields: { closeComment: 'Solved by phone' },
			});

			expect(requests.map((request) => [request.method, request.path, request.body])).toEqual([
				['PATCH', `${API_PATH}/tickets/5/close`, { closeComment: 'Solved by phone' }],
			]);
			expect(items.map((item) => item.json)).toMatchObject([closed]);
		});

		it('refuses an empty ticket ID', async () => {
			const error = await failureOf(run('ticket', 'close', { ticketId: ' ' }));
			expect(error.message).toBe('Ticket is required and is empty');
		});
	});

	describe('Update Priority', () => {
		it('sends PATCH /tickets/:id with {priority}', async () => {
			const scope = sendbirdApi();
			const requests = recordRequests(scope);
			scope.patch(`${API_PATH}/tickets/5`).reply(200, { ...ticket, priority: 'URGENT' });

			const { items } = await run('ticket', 'updatePriority', { ticketId: '5', priority: 'URGENT' });

			expect(requests.map((request) => [request.method, request.path, request.body])).toEqual([
				['PATCH', `${API_PATH}/tickets/5`, { priority: 'URGENT' }],
			]);
			expect(items[0].json.priority).toBe('URGENT');
		});

		it('refuses a priority Sendbird does not know', async () => {
			const error = await failureOf(run('ticket', 'updatePriority', { ticketId: '5', priority: '={{ "urgent" }}' }));
			expect(error.message).toBe('Priority must be one of URGENT, HIGH, MEDIUM, LOW (found: "urgent")');
		});

		it('refuses a ticket ID that is not a number', async () => {
			const error = await failureOf(run('ticket', 'updatePriority', { ticketId: '5a', priority: 'LOW' }));
			expect(error.message).toBe('Ticket must be a positive whole number (an ID) (found: "5a")');
		});
	});
});

describe('Sendbird Desk › Customer, Agent, Group (public documentation)', () => {
	const customer = { id: 31, sendbirdId: 'customer_1024', displayName: 'Jane' };

	it('Customer Get Many outputs one item per customer', async () => {
		const scope = sendbirdApi()
			.get(`${API_PATH}/customers`)
			.query({ limit: '2' })
			.reply(200, page([customer, { ...customer, id: 32 }], null, 9));

		const { items } = await run('customer', 'getAll', { returnAll: false, limit: 2 });

		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.json)).toEqual([customer, { ...customer, id: 32 }]);
	});

	it('Customer Get sends GET /customers/:id', async () => {
		const scope = sendbirdApi().get(`${API_PATH}/customers/31`).reply(200, customer);
		const { items } = await run('customer', 'get', { customerId: '31' });
		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.json)).toEqual([customer]);
	});

	it('Customer Create posts {sendbirdId}', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope.post(`${API_PATH}/customers`).reply(200, customer);

		const { items } = await run('customer', 'create', { sendbirdId: 'customer_1024' });

		expect(requests.map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', `${API_PATH}/customers`, { sendbirdId: 'customer_1024' }],
		]);
		expect(items.map((item) => item.json)).toEqual([customer]);
	});

	it('Customer Create refuses an empty Sendbird user ID', async () => {
		const error = await failureOf(run('customer', 'create', { sendbirdId: '' }));
		expect(error.message).toBe('Sendbird User ID is required and is empty');
	});

	it('Agent Get Many outputs one item per agent', async () => {
		const agents = [
			{ id: 1, displayName: 'Summer', role: 'AGENT' },
			{ id: 2, displayName: 'Autumn', role: 'ADMIN' },
		];
		const scope = sendbirdApi().get(`${API_PATH}/agents`).query({ limit: '500' }).reply(200, page(agents));

		const { items } = await run('agent', 'getAll', { returnAll: true });

		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.json)).toEqual(agents);
	});

	it('Group Get Many and Get', async () => {
		const group = { id: 3, name: 'Sales', key: 'sales' };
		const scope = sendbirdApi()
			.get(`${API_PATH}/groups`).query({ limit: '500' }).reply(200, page([group]))
			.get(`${API_PATH}/groups/3`).reply(200, group);

		const many = await run('group', 'getAll', { returnAll: true });
		const one = await run('group', 'get', { groupId: '3' });

		expect(scope.isDone()).toBe(true);
		expect(many.items.map((item) => item.json)).toEqual([group]);
		expect(one.items.map((item) => item.json)).toEqual([group]);
	});

	it.each([
		['customer', 'customerId', 'Customer'],
		['group', 'groupId', 'Group'],
		['ticket', 'ticketId', 'Ticket'],
	])('%s Get refuses an ID that is not a positive whole number', async (resource, parameter, field) => {
		const error = await failureOf(run(resource, 'get', { [parameter]: '1.5' }));
		expect(error.message).toBe(`${field} must be a positive whole number (an ID) (found: "1.5")`);
	});
});
