/**
 * What README's "Adding an operation" promises about an operation file,
 * checked through n8n's engine: a node built the way Desk360.node.ts builds
 * its own (defineResource + createDoor), with operations written as the
 * README tells a contributor to write them, and nock as Desk360.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';

import { Desk360Api } from '../../credentials/Desk360Api.credentials';
import { productLocator, ticketLocator } from '../../nodes/Desk360/shared/descriptions';
import { linkHeaderPages } from '../../nodes/Desk360/shared/pages';
import { DESK360_PATH_IDS } from '../../nodes/Desk360/shared/pathIds';
import { desk360Service } from '../../nodes/Desk360/shared/service';
import { returnAllAndLimit } from '../../nodes/shared/descriptions';
import { createDoor } from '../../nodes/shared/door';
import { simplifyField, type OutputRule } from '../../nodes/shared/output';
import { asObjects } from '../../nodes/shared/pages';
import { defineResource, listAnswer, type OperationModule } from '../../nodes/shared/resource';
import { BASE_URL, desk360Api, listOf, product, tokenCredentials } from '../desk360/fixtures';
import { recordRequests } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';

const logsUrl = '/v1/products/12/tickets/5/logs';
const nextPage = (page: number) => ({ Link: `<${BASE_URL}${logsUrl}?page=${page}>; rel=next` });

/** The output rule of the README's worked example. */
const logOutput: OutputRule = {
	readable: (log: IDataObject) => ({ ...log, new_status_name: log.new_status_id === 1 ? 'Resolved' : 'Waiting' }),
	simplified: ['id', 'new_status_name'],
};

/** A list without Return All and Limit, like Ticket → Get Logs. */
const everything: OperationModule = {
	option: { name: 'Everything', value: 'everything', routing: { request: { method: 'GET', url: '/v1/products/:productId/tickets/:ticketId/logs' } } },
	fields: [productLocator, ticketLocator],
	answer: listAnswer(),
};

/** A list with Return All and Limit, like every Get Many. */
const limited: OperationModule = {
	...everything,
	option: { ...everything.option, name: 'Limited', value: 'limited' },
	fields: [productLocator, ticketLocator, ...returnAllAndLimit],
};

/** The README's worked example: the items are the array inside `data.logs`; Link still pages. */
const nested: OperationModule = {
	option: { ...everything.option, name: 'Nested', value: 'nested' },
	fields: [productLocator, ticketLocator, simplifyField(logOutput)],
	answer: listAnswer({
		readPage: (reply) => ({
			...linkHeaderPages(reply),
			objects: asObjects((reply.body as { data?: { logs?: unknown } } | undefined)?.data?.logs),
		}),
	}),
	output: logOutput,
};

const resource = defineResource('ticket', [everything, limited, nested]);
const door = createDoor(desk360Service, [resource], DESK360_PATH_IDS);

const nodeType: INodeType = {
	description: {
		displayName: 'Example',
		name: 'example',
		group: ['transform'],
		version: 1,
		description: 'Operations written as README.md says',
		defaults: { name: 'Example' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'desk360Api', required: true }],
		requestDefaults: { json: true },
		requestOperations: door.requestOperations,
		properties: [
			door.property,
			{ displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, options: [{ name: 'Ticket', value: 'ticket' }], default: 'ticket' },
			...resource.properties,
		],
	},
};

function run(operation: string, parameters: Record<string, unknown> = {}) {
	return runNode(
		{ nodeType, credentialTypes: { desk360Api: new Desk360Api() } },
		{
			parameters: { resource: 'ticket', operation, product: product(12), ticketId: { __rl: true, mode: 'id', value: '5' }, ...parameters },
			credentials: tokenCredentials,
		},
	);
}

describe('README › Adding an operation, through the engine', () => {
	it('a list without Return All and Limit fields follows every page', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope
			.get(logsUrl).reply(200, listOf(20, 1), nextPage(2))
			.get(logsUrl).query({ page: '2' }).reply(200, listOf(20, 21), nextPage(3))
			.get(logsUrl).query({ page: '3' }).reply(200, listOf(20, 41), nextPage(4))
			.get(logsUrl).query({ page: '4' }).reply(200, listOf(3, 61));

		const { items } = await run('everything');

		// More than the Limit's default of 50: no Limit applies.
		expect(items).toHaveLength(63);
		expect(requests).toHaveLength(4);
	});

	it('a list with Return All and Limit stops at the Limit, and follows every page with Return All', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get(logsUrl).reply(200, listOf(20, 1), nextPage(2));

		const { items } = await run('limited', { returnAll: false, limit: 5 });

		expect(items.map((item) => item.json.id)).toEqual([1, 2, 3, 4, 5]);
		expect(requests).toHaveLength(1);

		scope
			.get(logsUrl).reply(200, listOf(20, 1), nextPage(2))
			.get(logsUrl).query({ page: '2' }).reply(200, listOf(2, 21));
		expect((await run('limited', { returnAll: true })).items).toHaveLength(22);
	});

	it('its Limit field defaults to 50 when the user leaves Return All off', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope
			.get(logsUrl).reply(200, listOf(20, 1), nextPage(2))
			.get(logsUrl).query({ page: '2' }).reply(200, listOf(20, 21), nextPage(3))
			.get(logsUrl).query({ page: '3' }).reply(200, listOf(20, 41), nextPage(4));

		const { items } = await run('limited');

		expect(items).toHaveLength(50);
		expect(requests).toHaveLength(3);
	});

	it('a readPage rule makes a nested array the items, page after page, shaped by the output rule', async () => {
		const logs = (ids: number[]) => ({ data: { logs: ids.map((id) => ({ id, new_status_id: 1, agent_id: 3 })) } });
		desk360Api()
			.get(logsUrl).reply(200, logs([1, 2]), nextPage(2))
			.get(logsUrl).query({ page: '2' }).reply(200, logs([3]));

		const { items } = await run('nested');

		expect(items.map((item) => item.json)).toEqual([
			{ id: 1, new_status_name: 'Resolved' },
			{ id: 2, new_status_name: 'Resolved' },
			{ id: 3, new_status_name: 'Resolved' },
		]);

		desk360Api().get(logsUrl).reply(200, logs([4]));
		const full = await run('nested', { simplify: false });
		expect(full.items.map((item) => item.json)).toEqual([{ id: 4, new_status_id: 1, agent_id: 3, new_status_name: 'Resolved' }]);
	});
});
