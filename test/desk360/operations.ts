import { desk360, desk360Api, product, tokenCredentials } from './fixtures';
import { recordRequests } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';

/** Runs operations of one Desk360 resource on product 12, with the API token unless told otherwise. */
export function operationsOf(resource: string) {
	function run(operation: string, parameters: Record<string, unknown>, items?: unknown[], credentials: object = tokenCredentials) {
		return runNode(desk360, {
			parameters: { resource, operation, product: product(12), ...parameters },
			credentials: credentials as never,
			items: items as never,
		});
	}

	/** Runs a POST operation against a server that answers `answer`; returns the one request that reached it. */
	async function postAndRecord(
		path: string,
		answer: object,
		operation: string,
		parameters: Record<string, unknown>,
		items?: unknown[],
	) {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post(path).reply(200, answer);
		const { items: output } = await run(operation, parameters, items);
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].path).toBe(path);
		return { request: requests[0], output };
	}

	return { run, postAndRecord };
}
