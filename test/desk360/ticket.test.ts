import nock from 'nock';

import { API_TOKEN, BASE_URL, desk360, desk360Api, product, tokenCredentials } from './fixtures';
import { failureOf, recordRequests } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';

const ticket = { id: 5, reason_id: 2, status: 2, name: 'Jane', email: 'jane@example.com' };

function run(operation: string, parameters: Record<string, unknown>, items?: Array<{ json: object }>) {
	return runNode(desk360, {
		parameters: { resource: 'ticket', operation, product: product(12), ...parameters },
		credentials: tokenCredentials,
		items: items as never,
	});
}

describe('Desk360 › Ticket', () => {
	describe('Get Many', () => {
		it('sends every filter and the ascending order as query parameters', async () => {
			const scope = desk360Api()
				.get('/v1/products/12/tickets')
				.query({
					status: '2',
					priority: '3',
					platform: 'Android',
					reason_id: '4',
					agent_id: '7',
					type_id: '9',
					start_date: '2026-01-01',
					end_date: '2026-01-31',
					id: '55',
					email: 'jane@example.com',
					name: 'Jane',
					subject: 'Refund',
					order: 'asc',
				})
				.reply(200, [ticket]);

			const { items } = await run('getAll', {
				returnAll: true,
				filters: {
					status: 2,
					priority: 3,
					platform: 'Android',
					reason: 4,
					agent: { __rl: true, mode: 'list', value: '7' },
					type: 9,
					startDate: '2026-01-01',
					endDate: '2026-01-31T18:30:00.000+01:00',
					ticketId: '55',
					email: 'jane@example.com',
					name: 'Jane',
					subject: 'Refund',
				},
				options: { ascending: true },
			});

			expect(scope.isDone()).toBe(true);
			expect(items.map((item) => item.json)).toMatchObject([ticket]);
		});

		it('filters on unassigned tickets with the agent Unassigned (agent_id=0)', async () => {
			const scope = desk360Api().get('/v1/products/12/tickets').query({ agent_id: '0' }).reply(200, [{ ...ticket, agent_id: 0 }]);
			await run('getAll', { returnAll: true, filters: { agent: { __rl: true, mode: 'list', value: '0' } } });
			expect(scope.isDone()).toBe(true);
		});

		it('sends no order parameter when Oldest Update First is off', async () => {
			const scope = desk360Api().get('/v1/products/12/tickets').query({}).reply(200, [ticket]);
			await run('getAll', { returnAll: true, options: { ascending: false } });
			expect(scope.isDone()).toBe(true);
		});

		it.each([
			['startDate', '21/11/2026', 'Start Date must be a date as YYYY-MM-DD'],
			['endDate', '2026-02-30', 'End Date must be a date as YYYY-MM-DD'],
		])('refuses %s %p before sending anything', async (field, value, message) => {
			const error = await failureOf(run('getAll', { returnAll: true, filters: { [field]: value } }));
			expect(error.message).toContain(message);
			expect(error.message).toContain(JSON.stringify(value));
		});

		it('refuses an end date before the start date', async () => {
			const error = await failureOf(
				run('getAll', { returnAll: true, filters: { startDate: '2026-03-01', endDate: '2026-02-01' } }),
			);
			expect(error.message).toBe('End Date must not be before Start Date (2026-03-01) (found: "2026-02-01")');
		});

		it('refuses a product ID that is not a number, naming the field', async () => {
			const error = await failureOf(run('getAll', { returnAll: true, product: product('abc') }));
			expect(error.message).toBe('Product must be a positive whole number (an ID) (found: "abc")');
		});
	});

	it('Get sends GET /v1/products/:productId/tickets/:ticketId and outputs the ticket with its messages', async () => {
		const answer = { ...ticket, messages: [{ id: 1, message: 'Hello', type: 0 }] };
		const scope = desk360Api().get('/v1/products/12/tickets/5').reply(200, answer);

		const { items } = await run('get', { ticketId: { __rl: true, mode: 'id', value: '5' } });

		expect(scope.isDone()).toBe(true);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject(answer);
	});

	it('Get Logs outputs one item per log entry', async () => {
		const logs = [
			{ id: 1, old_status_id: 0, new_status_id: 2, reason_id: 5, agent_id: 1 },
			{ id: 2, old_status_id: 2, new_status_id: 1, reason_id: 5, agent_id: 2 },
		];
		const scope = desk360Api().get('/v1/products/12/tickets/5/logs').reply(200, logs);

		const { items } = await run('getLogs', { ticketId: { __rl: true, mode: 'list', value: '5' }, simplify: false });

		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.json)).toMatchObject(logs);
	});

	describe('Create', () => {
		const fields = {
			customerName: 'Jane Doe',
			email: 'jane@example.com',
			reason: 3,
			description: 'My order never arrived',
			status: 2,
		};

		it('posts the ticket as JSON with the token and outputs the created ticket', async () => {
			const scope = desk360Api();
			const requests = recordRequests(scope);
			scope.post('/v1/products/12/tickets').reply(201, { ...ticket, id: 123 });

			const { items } = await run('create', {
				...fields,
				additionalFields: {
					assignToAgent: { __rl: true, mode: 'id', value: '7' },
					settings: '{"source": "n8n"}',
				},
			});

			expect(requests).toHaveLength(1);
			expect(requests[0].body).toEqual({
				name: 'Jane Doe',
				email: 'jane@example.com',
				reason_id: 3,
				description: 'My order never arrived',
				status: 2,
				assign_to_agent_id: 7,
				settings: '{"source":"n8n"}',
			});
			expect(requests[0].headers['content-type']).toContain('application/json');
			expect(requests[0].headers.authorization).toBe(`Bearer ${API_TOKEN}`);
			expect(items.map((item) => item.json)).toMatchObject([{ ...ticket, id: 123 }]);
		});

		it.each([
			[{ customerName: '  ' }, 'Customer Name is required and is empty'],
			[{ email: 'not-an-email' }, 'Customer Email must be an email address (found: "not-an-email")'],
			[{ description: '' }, 'Description is required and is empty'],
			[{ reason: '' }, 'Reason is required and is empty'],
			[{ status: 7 }, 'Status must be one of 1, 2 (found: 7)'],
			[{ additionalFields: { settings: '{oops' } }, 'Settings (JSON) must be valid JSON (found: "{oops")'],
			[{ additionalFields: { settings: '[1]' } }, 'Settings (JSON) must be a JSON object'],
		])('refuses %p before sending anything', async (override, message) => {
			// No HTTP mock: any request would fail with a network error instead.
			const error = await failureOf(run('create', { ...fields, ...override }));
			expect(error.message).toContain(message);
		});

		it('names the item whose value is wrong', async () => {
			desk360Api().post('/v1/products/12/tickets').reply(201, ticket);
			const error = await failureOf(
				run('create', { ...fields, email: '={{ $json.email }}' }, [
					{ json: { email: 'ok@example.com' } },
					{ json: { email: 'broken' } },
				]),
			);
			expect(error.message).toContain('Customer Email must be an email address (found: "broken")');
			expect(error.context?.itemIndex).toBe(1);
		});
	});

	it('Reply posts the message to /reply', async () => {
		const answer = { id: 747, agent_id: 74, message: 'On its way', type: 0 };
		const scope = desk360Api().post('/v1/products/12/tickets/5/reply', { message: 'On its way' }).reply(200, answer);

		const { items } = await run('reply', { ticketId: { __rl: true, mode: 'id', value: '5' }, message: 'On its way' });

		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.json)).toMatchObject([answer]);
	});

	it('Add Note posts the note to /note (the curl sample, not the heading)', async () => {
		const answer = { id: 748, agent_id: 74, message: 'VIP customer', type: 6 };
		const scope = desk360Api().post('/v1/products/12/tickets/5/note', { message: 'VIP customer' }).reply(200, answer);

		const { items } = await run('addNote', { ticketId: { __rl: true, mode: 'id', value: '5' }, message: 'VIP customer' });

		expect(scope.isDone()).toBe(true);
		expect(items[0].json).toMatchObject(answer);
	});

	it.each(['reply', 'addNote'])('%s refuses an empty message', async (operation) => {
		const error = await failureOf(run(operation, { ticketId: { __rl: true, mode: 'id', value: '5' }, message: ' ' }));
		expect(error.message).toMatch(/^(Message|Note) is required and is empty$/);
	});

	describe('Update Status', () => {
		it('posts status and reason to /status', async () => {
			const scope = desk360Api()
				.post('/v1/products/12/tickets/5/status', { status: 1, reason_id: 5 })
				.reply(200, { ...ticket, status: 1 });

			const { items } = await run('updateStatus', {
				ticketId: { __rl: true, mode: 'id', value: '5' },
				status: 1,
				reason: 5,
			});

			expect(scope.isDone()).toBe(true);
			expect(items[0].json).toMatchObject({ ...ticket, status: 1 });
		});

		it('refuses a status other than Resolved (1) or Waiting (2)', async () => {
			const error = await failureOf(
				run('updateStatus', { ticketId: { __rl: true, mode: 'id', value: '5' }, status: '={{ 3 }}', reason: 5 }),
			);
			expect(error.message).toBe('Status must be one of 1, 2 (found: 3)');
		});

		it('refuses an empty ticket', async () => {
			const error = await failureOf(
				run('updateStatus', { ticketId: { __rl: true, mode: 'id', value: '' }, status: 1, reason: 5 }),
			);
			expect(error.message).toBe('Ticket is required and is empty');
		});
	});

	describe('Desk360 errors', () => {
		it('failed_validation shows Desk360 message and what to check', async () => {
			desk360Api()
				.post('/v1/products/12/tickets/5/status')
				.reply(422, { error: { code: 'failed_validation', message: 'The status field is required.', doc_url: 'https://docs.desk360.com/api' } });

			const error = await failureOf(
				run('updateStatus', { ticketId: { __rl: true, mode: 'id', value: '5' }, status: 1, reason: 5 }),
			);

			expect(error.constructor.name).toBe('NodeApiError');
			expect(error.message).toBe('The status field is required.');
			expect(error.description).toContain('check the field the message names');
			expect(error.description).toContain('failed_validation');
			expect(error.httpCode).toBe('422');
		});

		it('model_not_found_exception tells to pick the ticket from the list, with the item index', async () => {
			desk360Api()
				.get('/v1/products/12/tickets/404')
				.reply(404, { error: { code: 'model_not_found_exception', message: 'Ticket not found.' } });

			const error = await failureOf(run('get', { ticketId: { __rl: true, mode: 'id', value: '404' } }));

			expect(error.message).toBe('Ticket not found.');
			expect(error.description).toContain('Pick it from the list');
			expect(error.context?.itemIndex).toBe(0);
		});

		it('authentication_exception points at the credential and never shows the token', async () => {
			desk360Api()
				.get('/v1/products/12/tickets/5')
				.reply(401, { error: { code: 'authentication_exception', message: 'Unauthenticated.' } });

			const error = await failureOf(run('get', { ticketId: { __rl: true, mode: 'id', value: '5' } }));

			expect(error.message).toBe('Unauthenticated.');
			expect(error.description).toContain('Settings → API');
			expect(JSON.stringify(error)).not.toContain(API_TOKEN);
			expect(JSON.stringify({ ...error, cause: (error as { cause?: unknown }).cause })).not.toContain(API_TOKEN);
		});

		it('status_update_failed explains which statuses are allowed', async () => {
			desk360Api()
				.post('/v1/products/12/tickets/5/status')
				.reply(400, { error: { code: 'status_update_failed', message: 'Status update failed.' } });

			const error = await failureOf(
				run('updateStatus', { ticketId: { __rl: true, mode: 'id', value: '5' }, status: 2, reason: 9 }),
			);

			expect(error.description).toContain('Only Resolved or Waiting can be set');
		});

		it('a network failure names Desk360 and the Base URL, without the token', async () => {
			nock(BASE_URL).get('/v1/products/12/tickets/5').replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

			const error = await failureOf(run('get', { ticketId: { __rl: true, mode: 'id', value: '5' } }));

			expect(error.message).toMatch(/^Could not reach Desk360: /);
			expect(JSON.stringify(error)).not.toContain(API_TOKEN);
		});
	});
});
