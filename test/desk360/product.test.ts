import { desk360, desk360Api, tokenCredentials } from './fixtures';
import { runNode } from '../helpers/n8n';

describe('Desk360 › Product › Get Many', () => {
	it('sends GET /v1/products with the token and outputs one item per product', async () => {
		const scope = desk360Api()
			.get('/v1/products')
			.reply(200, [
				{ id: 11, name: 'App One', logo: null },
				{ id: 22, name: 'App Two', logo: null },
			]);

		const { items } = await runNode(desk360, {
			parameters: { resource: 'product', operation: 'getAll', returnAll: true },
			credentials: tokenCredentials,
		});

		expect(scope.isDone()).toBe(true);
		expect(items.map((item) => item.json)).toEqual([
			{ id: 11, name: 'App One', logo: null },
			{ id: 22, name: 'App Two', logo: null },
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});
