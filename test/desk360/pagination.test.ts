import nock from 'nock';

import { API_TOKEN, BASE_URL, desk360, desk360Api, listOf, product, tokenCredentials } from './fixtures';
import { failureOf, recordRequests } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';

function link(page: number) {
	return { Link: `<${BASE_URL}/v1/products/12/tickets?page=${page}&status=2>; rel=next` };
}

function getTickets(parameters: Record<string, unknown>) {
	return runNode(desk360, {
		parameters: { resource: 'ticket', operation: 'getAll', product: product(12), filters: { status: 2 }, ...parameters },
		credentials: tokenCredentials,
	});
}

describe('Desk360 › pagination by Link header', () => {
	it('Return All follows the next link page by page to the last page, as given', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope
			.get('/v1/products/12/tickets').query({ status: '2' }).reply(200, listOf(20, 1), link(2))
			.get('/v1/products/12/tickets').query({ page: '2', status: '2' }).reply(200, listOf(20, 21), link(3))
			.get('/v1/products/12/tickets').query({ page: '3', status: '2' }).reply(200, listOf(7, 41));

		const { items } = await getTickets({ returnAll: true });

		expect(items.map((item) => item.json.id)).toEqual(Array.from({ length: 47 }, (_, index) => index + 1));
		// The next URL is followed as given: its query is not appended twice.
		expect(requests.map((request) => request.path)).toEqual([
			'/v1/products/12/tickets?status=2',
			'/v1/products/12/tickets?page=2&status=2',
			'/v1/products/12/tickets?page=3&status=2',
		]);
	});

	it('Limit stops requesting as soon as it has enough, cutting across a page', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope
			.get('/v1/products/12/tickets').query({ status: '2' }).reply(200, listOf(20, 1), link(2))
			.get('/v1/products/12/tickets').query({ page: '2', status: '2' }).reply(200, listOf(20, 21), link(3));
		// Page 3 exists but must not be asked for.

		const { items } = await getTickets({ returnAll: false, limit: 25 });

		expect(items).toHaveLength(25);
		expect(items[24].json.id).toBe(25);
		expect(requests).toHaveLength(2);
	});

	it('Limit within the first page sends a single request', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get('/v1/products/12/tickets').query({ status: '2' }).reply(200, listOf(20, 1), link(2));

		const { items } = await getTickets({ returnAll: false, limit: 5 });

		expect(items.map((item) => item.json.id)).toEqual([1, 2, 3, 4, 5]);
		expect(requests).toHaveLength(1);
	});

	it('Return All on agents, products, types and reasons follows pages too', async () => {
		for (const [resource, path] of [
			['agent', '/v1/agents'],
			['product', '/v1/products'],
			['ticketType', '/v1/types'],
			['reason', '/v1/reasons'],
		]) {
			desk360Api()
				.get(path).reply(200, listOf(20, 1), { Link: `<${BASE_URL}${path}?page=2>; rel="next"` })
				.get(path).query({ page: '2' }).reply(200, listOf(3, 21));

			const { items } = await runNode(desk360, {
				parameters: { resource, operation: 'getAll', returnAll: true },
				credentials: tokenCredentials,
			});

			expect(items).toHaveLength(23);
		}
	});

	it('follows a next link that names another host on the Base URL: the token never goes there', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope
			.get('/v1/products/12/tickets').query({ status: '2' })
			.reply(200, listOf(20, 1), { Link: '<http://api.localhost:10380/v1/products/12/tickets?page=2&status=2>; rel=next' })
			.get('/v1/products/12/tickets').query({ page: '2', status: '2' })
			.reply(200, listOf(3, 21));

		const { items } = await getTickets({ returnAll: true });

		expect(items).toHaveLength(23);
		expect(requests.map((request) => request.path)).toEqual([
			'/v1/products/12/tickets?status=2',
			'/v1/products/12/tickets?page=2&status=2',
		]);
	});

	it('behind a proxy, follows Desk360\'s own next links through the proxy (path prefix kept)', async () => {
		const proxy = 'https://proxy.example.com/desk360';
		const scope = nock('https://proxy.example.com', { reqheaders: { authorization: `Bearer ${API_TOKEN}` } });
		const requests = recordRequests(scope);
		scope
			.get('/desk360/v1/agents').reply(200, listOf(20, 1), { Link: `<${BASE_URL}/v1/agents?page=2>; rel="next"` })
			.get('/desk360/v1/agents').query({ page: '2' }).reply(200, listOf(20, 21), { Link: `<${proxy}/v1/agents?page=3>; rel="next"` })
			.get('/desk360/v1/agents').query({ page: '3' }).reply(200, listOf(1, 41));

		const { items } = await runNode(desk360, {
			parameters: { resource: 'agent', operation: 'getAll', returnAll: true },
			credentials: { desk360Api: { ...tokenCredentials.desk360Api, baseUrl: `${proxy}/` } },
		});

		expect(items).toHaveLength(41);
		expect(requests.map((request) => request.path)).toEqual([
			'/desk360/v1/agents',
			'/desk360/v1/agents?page=2',
			'/desk360/v1/agents?page=3',
		]);
	});

	it('stops with an error when the server names the same next page again (no endless Return All)', async () => {
		desk360Api()
			.get('/v1/agents').reply(200, listOf(20, 1), { Link: `<${BASE_URL}/v1/agents?page=2>; rel=next` })
			.get('/v1/agents').query({ page: '2' }).reply(200, listOf(20, 21), { Link: `<${BASE_URL}/v1/agents?page=2>; rel=next` });

		const error = await failureOf(runNode(desk360, { parameters: { resource: 'agent', operation: 'getAll', returnAll: true }, credentials: tokenCredentials }));

		expect(error.message).toBe('Desk360 named the same next page twice');
	});
});
