import { desk360, desk360Api, product, tokenCredentials } from './fixtures';
import { failureOf } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';

function run(resource: string, operation: string, parameters: Record<string, unknown> = {}) {
	return runNode(desk360, { parameters: { resource, operation, ...parameters }, credentials: tokenCredentials });
}

const type = { id: 68, product_id: 1, title: 'Billing', description: 'Billing', is_active: true, is_custom: true };
const reason = { id: 36, product_id: 1, title: 'Refund', is_active: true };

describe('Desk360 › Agent', () => {
	it('Get Many lists agents, one item each, stopping at the Limit', async () => {
		desk360Api().get('/v1/agents').reply(200, [
			{ id: 11, name: 'John Doe', email: 'john@mail.com', avatar: null },
			{ id: 22, name: 'Richard Miller', email: 'richard@mail.com', avatar: null },
		]);

		const { items } = await run('agent', 'getAll', { returnAll: false, limit: 1 });

		expect(items.map((item) => item.json)).toEqual([{ id: 11, name: 'John Doe', email: 'john@mail.com', avatar: null }]);
	});

	it('Get Current calls GET /v1/me', async () => {
		const me = { id: 11, name: 'John Doe', email: 'john@mail.com', avatar: null };
		desk360Api().get('/v1/me').reply(200, me);

		const { items } = await run('agent', 'getCurrent');

		expect(items.map((item) => item.json)).toEqual([me]);
	});
});

describe('Desk360 › Ticket Type', () => {
	it('Get Many lists types', async () => {
		desk360Api().get('/v1/types').reply(200, [type, { ...type, id: 69 }]);
		const { items } = await run('ticketType', 'getAll', { returnAll: true });
		expect(items.map((item) => item.json.id)).toEqual([68, 69]);
	});

	it('Get calls GET /v1/types/:typeId', async () => {
		desk360Api().get('/v1/types/68').reply(200, type);
		const { items } = await run('ticketType', 'get', { ticketTypeId: 68 });
		expect(items.map((item) => item.json)).toEqual([type]);
	});

	it('Create posts product, title, description and active', async () => {
		const scope = desk360Api()
			.post('/v1/types', { product_id: 1, title: 'Billing', description: 'Billing', is_active: false })
			.reply(201, { ...type, is_active: false });

		const { items } = await run('ticketType', 'create', {
			product: product(1),
			title: 'Billing',
			description: 'Billing',
			isActive: false,
		});

		expect(scope.isDone()).toBe(true);
		expect(items[0].json).toEqual({ ...type, is_active: false });
	});

	it('Create refuses an empty title', async () => {
		const error = await failureOf(run('ticketType', 'create', { product: product(1), title: '' }));
		expect(error.message).toBe('Title is required and is empty');
	});

	it('Update puts is_active', async () => {
		const scope = desk360Api().put('/v1/types/68', { is_active: false }).reply(200, { ...type, is_active: false });
		await run('ticketType', 'update', { ticketTypeId: 68, isActive: false });
		expect(scope.isDone()).toBe(true);
	});

	it('Update of a built-in type explains non_custom_type', async () => {
		desk360Api().put('/v1/types/1').reply(400, { error: { code: 'non_custom_type', message: 'You can not update non-custom types.' } });
		const error = await failureOf(run('ticketType', 'update', { ticketTypeId: 1, isActive: true }));
		expect(error.message).toBe('You can not update non-custom types.');
		expect(error.description).toContain('Only custom ticket types can be updated');
	});

	it('refuses a ticket type ID that is not a number', async () => {
		const error = await failureOf(run('ticketType', 'get', { ticketTypeId: 'billing' }));
		expect(error.message).toBe('Ticket Type must be a positive whole number (an ID) (found: "billing")');
	});
});

describe('Desk360 › Reason', () => {
	it('Get Many lists reasons', async () => {
		desk360Api().get('/v1/reasons').reply(200, [reason]);
		const { items } = await run('reason', 'getAll', { returnAll: true });
		expect(items.map((item) => item.json)).toEqual([reason]);
	});

	it('Get calls GET /v1/reasons/:reasonId', async () => {
		desk360Api().get('/v1/reasons/36').reply(200, reason);
		const { items } = await run('reason', 'get', { reasonId: 36 });
		expect(items[0].json).toEqual(reason);
	});

	it('Create posts product, title and active', async () => {
		const scope = desk360Api().post('/v1/reasons', { product_id: 1, title: 'Refund', is_active: true }).reply(201, reason);
		const { items } = await run('reason', 'create', { product: product(1), title: 'Refund', isActive: true });
		expect(scope.isDone()).toBe(true);
		expect(items[0].json).toEqual(reason);
	});

	it('Update puts only the fields chosen', async () => {
		const scope = desk360Api().put('/v1/reasons/36', { title: 'Refunds', is_active: false }).reply(200, reason);
		await run('reason', 'update', { reasonId: 36, updateFields: { title: 'Refunds', isActive: false } });
		expect(scope.isDone()).toBe(true);
	});

	it('Update can move a reason to another product', async () => {
		const scope = desk360Api().put('/v1/reasons/36', { product_id: 2 }).reply(200, { ...reason, product_id: 2 });
		await run('reason', 'update', { reasonId: 36, updateFields: { product: product(2) } });
		expect(scope.isDone()).toBe(true);
	});

	it('Update with no field refuses before sending', async () => {
		const error = await failureOf(run('reason', 'update', { reasonId: 36, updateFields: {} }));
		expect(error.message).toBe('Update Fields must set at least one field');
	});
});
