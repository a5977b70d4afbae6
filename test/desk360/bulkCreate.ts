import { runNode, type RunSetup } from '../helpers/n8n';
import { desk360, product, tokenCredentials } from './fixtures';

/** `count` names: `${prefix} 0`, `${prefix} 1`, ... */
export function named(prefix: string, count: number) {
	return Array.from({ length: count }, (_, index) => `${prefix} ${index}`);
}

/** Ticket Create in product 12, one ticket per name: the bulk import the rate-limit tests replay. */
export function createTickets(names: string[], credentials: RunSetup['credentials'] = tokenCredentials, signal?: AbortSignal) {
	return runNode(desk360, {
		parameters: {
			resource: 'ticket',
			operation: 'create',
			product: product(12),
			customerName: '={{ $json.name }}',
			email: 'customer@example.com',
			reason: 3,
			description: 'Imported from a sheet',
			status: 2,
		},
		items: names.map((name) => ({ json: { name } })),
		credentials,
		signal,
	});
}
