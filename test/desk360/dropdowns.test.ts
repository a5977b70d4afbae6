import type { INodeParameters } from 'n8n-workflow';

import { BASE_URL, desk360, desk360Api, product, tokenCredentials } from './fixtures';
import { recordRequests } from '../helpers/expectations';
import { loadOptions } from '../helpers/n8n';
import { getReasons, getTicketTypes } from '../../nodes/Desk360/methods/loadOptions';
import { searchAgents, searchAgentsOrUnassigned, searchProducts, searchTickets } from '../../nodes/Desk360/methods/listSearch';

function setup(parameters: INodeParameters) {
	return { parameters, credentials: tokenCredentials };
}

describe('Desk360 › dropdowns', () => {
	it('Product list: one page per call, filtered by name; the next page comes with n8n\'s paginationToken', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope
			.get('/v1/products').reply(200, [{ id: 11, name: 'Shop App' }, { id: 22, name: 'Games' }], { Link: `<${BASE_URL}/v1/products?page=2>; rel=next` })
			.get('/v1/products').query({ page: '2' }).reply(200, [{ id: 33, name: 'Shop Web' }]);

		const first = await loadOptions(desk360, setup({ resource: 'ticket', operation: 'getAll' }), searchProducts, 'shop');
		expect(first).toEqual({ results: [{ name: 'Shop App', value: '11' }], paginationToken: '/v1/products?page=2' });
		expect(requests).toHaveLength(1);

		const second = await loadOptions(desk360, setup({ resource: 'ticket', operation: 'getAll' }), searchProducts, 'shop', first.paginationToken as string);
		expect(second).toEqual({ results: [{ name: 'Shop Web', value: '33' }] });
		expect(requests.map((request) => request.path)).toEqual(['/v1/products', '/v1/products?page=2']);
	});

	it('Agent list: name and email, searchable by either', async () => {
		desk360Api().get('/v1/agents').reply(200, [
			{ id: 11, name: 'John Doe', email: 'john@mail.com' },
			{ id: 22, name: 'Jane Roe', email: 'jane@mail.com' },
		]);

		const result = await loadOptions(desk360, setup({}), searchAgents, 'jane@');

		expect(result.results).toEqual([{ name: 'Jane Roe (jane@mail.com)', value: '22' }]);
	});

	it('Agent filter list starts with Unassigned (agent 0), which the search keeps only when it matches', async () => {
		desk360Api().get('/v1/agents').times(2).reply(200, [{ id: 11, name: 'John Doe', email: 'john@mail.com' }]);

		const all = await loadOptions(desk360, setup({}), searchAgentsOrUnassigned);
		const john = await loadOptions(desk360, setup({}), searchAgentsOrUnassigned, 'john');

		expect(all.results).toEqual([
			{ name: 'Unassigned', value: '0' },
			{ name: 'John Doe (john@mail.com)', value: '11' },
		]);
		expect(john.results).toEqual([{ name: 'John Doe (john@mail.com)', value: '11' }]);
	});

	it.each([
		['1024', { id: '1024' }],
		['jane@example.com', { email: 'jane@example.com' }],
		['refund', { subject: 'refund' }],
	])('Ticket list searches %p within the chosen product', async (filter, query) => {
		const scope = desk360Api()
			.get('/v1/products/12/tickets')
			.query(query)
			.reply(200, [{ id: 1024, subject: 'Refund please', name: 'Jane' }]);

		const result = await loadOptions(
			desk360,
			setup({ resource: 'ticket', operation: 'get', product: product(12) }),
			searchTickets,
			filter,
		);

		expect(scope.isDone()).toBe(true);
		expect(result.results).toEqual([{ name: '#1024 Refund please (Jane)', value: '1024' }]);
	});

	it('Reasons: only those of the chosen product, by name', async () => {
		desk360Api().get('/v1/reasons').reply(200, [
			{ id: 2, product_id: 12, name: 'Shipping', is_active: true },
			{ id: 1, product_id: 12, title: 'Billing', is_active: false },
			{ id: 3, product_id: 99, name: 'Other product', is_active: true },
		]);

		const options = await loadOptions(
			desk360,
			setup({ resource: 'ticket', operation: 'create', product: product(12) }),
			getReasons,
		);

		expect(options).toEqual([
			{ name: 'Billing (inactive)', value: 1 },
			{ name: 'Shipping', value: 2 },
		]);
	});

	it('Ticket types: the product’s own and the built-in ones', async () => {
		desk360Api().get('/v1/types').reply(200, [
			{ id: 1, product_id: 0, title: 'Subscription', is_active: true },
			{ id: 68, product_id: 12, title: 'Billing', is_active: true },
			{ id: 70, product_id: 99, title: 'Elsewhere', is_active: true },
		]);

		const options = await loadOptions(
			desk360,
			setup({ resource: 'ticket', operation: 'getAll', product: product(12) }),
			getTicketTypes,
		);

		expect(options).toEqual([
			{ name: 'Billing', value: 68 },
			{ name: 'Subscription', value: 1 },
		]);
	});

	it('a refused token: the list and the dropdown say what to fix in the message, the only text n8n’s editor shows there', async () => {
		desk360Api().get('/v1/products').reply(401, { error: { code: 'authentication_exception', message: 'Unauthenticated.' } });
		desk360Api().get('/v1/types').reply(401, { error: { code: 'authentication_exception', message: 'Unauthenticated.' } });

		const search = loadOptions(desk360, setup({ resource: 'ticket', operation: 'getAll' }), searchProducts, '');
		await expect(search).rejects.toThrow(/^Unauthenticated\. The token was refused\. Open the Desk360 credential and paste a token/);
		const dropdown = loadOptions(desk360, setup({ resource: 'ticket', operation: 'getAll' }), getTicketTypes);
		await expect(dropdown).rejects.toThrow(/^Unauthenticated\. The token was refused\./);
	});
});
