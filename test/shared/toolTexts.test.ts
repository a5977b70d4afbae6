/**
 * What an AI agent is offered by every operation of both action nodes when
 * n8n runs them as tools (see helpers/tool.ts): the tool's description and the
 * JSON schema of the arguments the model fills, and what reaches the service
 * when the model calls the tool.
 */
import type { StructuredTool } from '@langchain/core/tools';
import { toJsonSchema } from '@langchain/core/utils/json_schema';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { agentResource as desk360Agents } from '../../nodes/Desk360/resources/agent';
import { productResource } from '../../nodes/Desk360/resources/product';
import { reasonResource } from '../../nodes/Desk360/resources/reason';
import { ticketResource as desk360Tickets } from '../../nodes/Desk360/resources/ticket';
import { ticketTypeResource } from '../../nodes/Desk360/resources/ticketType';
import { whatsappMessageResource } from '../../nodes/Desk360/resources/whatsappMessage';
import { whatsappTemplateResource } from '../../nodes/Desk360/resources/whatsappTemplate';
import { agentResource as sendbirdAgents } from '../../nodes/SendbirdDesk/resources/agent';
import { customerResource } from '../../nodes/SendbirdDesk/resources/customer';
import { groupResource } from '../../nodes/SendbirdDesk/resources/group';
import { ticketResource as sendbirdTickets } from '../../nodes/SendbirdDesk/resources/ticket';
import { ticketNoteResource } from '../../nodes/SendbirdDesk/resources/ticketNote';
import type { OperationModule, ResourceModule } from '../../nodes/shared/resource';
import { fromAI } from '../../nodes/shared/toolUse';
import { desk360, desk360Api, product, tokenCredentials } from '../desk360/fixtures';
import { recordRequests } from '../helpers/expectations';
import type { NodeHarness } from '../helpers/n8n';
import { toolFor } from '../helpers/tool';
import { API_PATH, credentials as sendbirdCredentials, sendbird, sendbirdApi } from '../sendbird/fixtures';

interface Node {
	name: string;
	harness: NodeHarness;
	credentials: object;
	resources: ResourceModule[];
}

const NODES: Node[] = [
	{
		name: 'Desk360',
		harness: desk360,
		credentials: tokenCredentials,
		resources: [
			desk360Agents,
			productResource,
			reasonResource,
			desk360Tickets,
			ticketTypeResource,
			whatsappMessageResource,
			whatsappTemplateResource,
		],
	},
	{
		name: 'Sendbird Desk',
		harness: sendbird,
		credentials: sendbirdCredentials,
		resources: [sendbirdAgents, customerResource, groupResource, sendbirdTickets, ticketNoteResource],
	},
];

/**
 * What the user sets in a required field the model does not fill: the
 * product by ID, account dropdowns by ID, one contact card, one button.
 */
const USER_VALUES: Record<string, INodeParameters[string]> = {
	product: product(12),
	reason: '3',
	reasonId: '3',
	ticketTypeId: '4',
	templateId: '9',
	languageCode: 'en',
	contacts: { contact: [{ formattedName: 'Help Desk', firstName: 'Help', lastName: 'Desk' }] },
	buttons: { button: [{ id: 'yes', title: 'Yes' }] },
};

function isEmpty(value: unknown): boolean {
	if (value === '' || value === undefined) return true;
	if (typeof value !== 'object' || value === null) return false;
	const { mode: _mode, ...rest } = value as Record<string, unknown>;
	return Object.values(rest).every((entry) => entry === '');
}

/** The user's part of the tool: resource, operation and every required field left empty that the model does not fill. */
function userParameters(resource: string, operation: OperationModule): INodeParameters {
	const parameters: INodeParameters = { resource, operation: String(operation.option.value) };
	const modelFields = Object.keys(operation.tool?.arguments ?? {});
	const needed = operation.fields.filter(
		(field: INodeProperties) => field.required && !field.displayOptions && !modelFields.includes(field.name) && isEmpty(field.default),
	);
	for (const field of needed) {
		if (!(field.name in USER_VALUES)) throw new Error(`No user value for the required field ${field.name} of ${resource} ${operation.option.value}`);
		parameters[field.name] = USER_VALUES[field.name];
	}
	return parameters;
}

interface JsonProperty {
	type: string;
	description?: string;
	default?: unknown;
}

/** The tool's arguments as the model reads them: LangChain's JSON schema of the tool, which n8n's agent sends. */
function jsonSchemaOf(tool: StructuredTool): { properties: Record<string, JsonProperty>; required?: string[] } {
	return toJsonSchema(tool.schema as never) as never;
}

const CASES = NODES.flatMap((node) =>
	node.resources.flatMap((resource) =>
		Object.values(resource.operations).map((operation) => ({
			label: `${node.name} ${resource.name} ${String(operation.option.value)}`,
			node,
			resource: resource.name,
			operation,
		})),
	),
);

describe('what an AI agent is offered by each operation as a tool', () => {
	it('covers every operation of both nodes', () => {
		for (const node of NODES) {
			const resourceField = node.harness.nodeType.description.properties.find((property) => property.name === 'resource')!;
			const resourceNames = (resourceField.options as Array<{ value: string }>).map((option) => option.value).sort();
			expect(node.resources.map((resource) => resource.name).sort()).toEqual(resourceNames);
		}
		expect(CASES).toHaveLength(43);
	});

	it.each(CASES)('$label: its description and exactly its arguments, typed and described', async ({ node, resource, operation }) => {
		const texts = operation.tool;
		expect(texts).toBeDefined();
		const tool = await toolFor(node.harness, userParameters(resource, operation), node.credentials as never);

		expect(tool.description).toBe(texts!.description);
		// More than the action's name: what it is for and what it answers.
		expect(texts!.description.length).toBeGreaterThan(2 * String(operation.option.action).length);
		expect(texts!.description).toMatch(/Returns /);

		const schema = jsonSchemaOf(tool);
		const declared = Object.values(texts!.arguments ?? {});
		expect(Object.keys(schema.properties).sort()).toEqual(declared.map((argument) => argument.key).sort());
		for (const argument of declared) {
			const property = schema.properties[argument.key];
			expect(argument.key).toMatch(/^[a-z]+(_[a-z]+)*$/);
			expect(property.description).toBe(argument.description);
			expect(argument.description.trim().length).toBeGreaterThan(10);
			expect(property.type).toBe(argument.type);
			expect(property.default).toEqual(argument.default);
		}
		const required = declared.filter((argument) => argument.default === undefined).map((argument) => argument.key);
		expect([...(schema.required ?? [])].sort()).toEqual(required.sort());
	});

	it('the same argument key means the same type in every tool', () => {
		const types = new Map<string, Set<string>>();
		for (const { node, operation } of CASES) {
			for (const argument of Object.values(operation.tool?.arguments ?? {})) {
				const key = `${node.name} ${argument.key}`;
				types.set(key, (types.get(key) ?? new Set()).add(argument.type));
			}
		}
		// Desk360's status is a number to set and a filter text to leave empty; every other key has one type.
		const mixed = [...types].filter(([, set]) => set.size > 1).map(([key]) => key);
		expect(mixed).toEqual(['Desk360 status']);
	});

	it('a description with backticks, backslashes and quotes reaches the model as written', async () => {
		const text = 'The `code` as C:\\path\\n, with \'single\' and "double" quotes and ${not} an expression';
		const tool = await toolFor(
			desk360,
			{
				resource: 'whatsappMessage',
				operation: 'sendText',
				product: product(12),
				text: fromAI({ key: 'text', description: text, type: 'string' }),
			},
			tokenCredentials as never,
		);
		expect(jsonSchemaOf(tool).properties.text.description).toBe(text);
	});
});

/** The tool of an operation as the user sets it (plus `parameters`), the model filling the rest. */
function desk360Tool(resource: string, operation: string, parameters: INodeParameters = {}) {
	return toolFor(desk360, { resource, operation, product: product(12), ...parameters }, tokenCredentials as never);
}

async function answerOf(tool: StructuredTool, args: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
	return JSON.parse(String(await tool.invoke(args)));
}

describe('what reaches the service when the model calls a tool', () => {
	it('Desk360 Get Many tickets: no customer_email sends no email query; with it, email= that address', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get('/v1/products/12/tickets').reply(200, [{ id: 5, status: 2, email: 'jane@example.com', settings: null }]);
		scope.get('/v1/products/12/tickets').query({ email: 'jane@example.com', status: '2' }).reply(200, []);
		const tool = await desk360Tool('ticket', 'getAll');

		expect(await answerOf(tool, {})).toEqual([{ id: 5, status: 2, status_name: 'Waiting', email: 'jane@example.com' }]);
		expect(await answerOf(tool, { customer_email: 'jane@example.com', status: '2' })).toEqual([]);
		expect(requests.map((request) => request.path)).toEqual([
			'/v1/products/12/tickets',
			'/v1/products/12/tickets?email=jane%40example.com&status=2',
		]);
	});

	it('Desk360 Get ticket: the ticket the model names', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get('/v1/products/12/tickets/1024').reply(200, { id: 1024, status: 1, messages: [{ id: 1, type: 6, message: 'Checked' }] });
		const tool = await desk360Tool('ticket', 'get');

		const answer = await answerOf(tool, { ticket_id: 1024 });
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/products/12/tickets/1024']);
		expect(answer).toEqual([
			{ id: 1024, status: 1, status_name: 'Resolved', messages: [{ id: 1, type: 6, type_name: 'Note', message: 'Checked' }] },
		]);
	});

	it.each([
		['addNote', 'note', '/note'],
		['reply', 'message', '/reply'],
	])('Desk360 %s: the text the model writes goes as message to the ticket it names', async (operation, key, path) => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post(`/v1/products/12/tickets/1024${path}`).reply(200, { id: 9, type: operation === 'addNote' ? 6 : 0 });
		const tool = await desk360Tool('ticket', operation);

		const answer = await answerOf(tool, { ticket_id: 1024, [key]: 'We refunded the order.' });
		expect(requests.map((request) => [request.path, request.body])).toEqual([
			[`/v1/products/12/tickets/1024${path}`, { message: 'We refunded the order.' }],
		]);
		expect(answer[0].type_name).toBe(operation === 'addNote' ? 'Note' : 'Message');
	});

	it("Desk360 Update Status: the model's status with the user's reason", async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post('/v1/products/12/tickets/1024/status').reply(200, { id: 1024, status: 2 });
		const tool = await desk360Tool('ticket', 'updateStatus', { reason: '3' });

		const answer = await answerOf(tool, { ticket_id: 1024, status: 2 });
		expect(requests.map((request) => request.body)).toEqual([{ status: 2, reason_id: 3 }]);
		expect(answer).toEqual([{ id: 1024, status: 2, status_name: 'Waiting' }]);
	});

	it('Desk360 Update Status: a status Desk360 cannot set is refused before sending, naming the field', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		const tool = await desk360Tool('ticket', 'updateStatus', { reason: '3' });

		const answer = await answerOf(tool, { ticket_id: 1024, status: 3 });
		expect(answer[0].error).toMatch(/^Status must be one of 1, 2/);
		expect(answer.at(-1)!.note).toMatch(/Nothing was sent/);
		expect(requests).toEqual([]);
	});

	it("Desk360 Create ticket: the customer and description the model gives, Waiting unless it says otherwise, the user's reason", async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post('/v1/products/12/tickets').reply(200, { id: 2048, status: 2 });
		const tool = await desk360Tool('ticket', 'create', { reason: '3' });

		const answer = await answerOf(tool, { customer_name: 'Jane Doe', customer_email: 'jane@example.com', description: 'Where is my order?' });
		expect(requests.map((request) => request.body)).toEqual([
			{ name: 'Jane Doe', email: 'jane@example.com', reason_id: 3, description: 'Where is my order?', status: 2 },
		]);
		expect(answer).toEqual([{ id: 2048, status: 2, status_name: 'Waiting' }]);
	});

	it('Desk360 WhatsApp Send Location: the numbers the model gives go as numbers', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post('/v1/products/12/conversations/messages').reply(200, { success: true });
		const tool = await desk360Tool('whatsappMessage', 'sendLocation');

		await answerOf(tool, { phone_number: '+905551234567', latitude: 41.0082, longitude: 28.9784, location_name: 'Head Office', address: 'Istiklal Cd. 1' });
		expect(requests.map((request) => request.body)).toEqual([
			{
				type: 'location',
				to: '+905551234567',
				location: { latitude: 41.0082, longitude: 28.9784, name: 'Head Office', address: 'Istiklal Cd. 1' },
			},
		]);
	});

	it('Desk360 WhatsApp Send Text: the number and the text the model gives', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post('/v1/products/12/conversations/messages').reply(200, { success: true });
		const tool = await desk360Tool('whatsappMessage', 'sendText');

		await answerOf(tool, { phone_number: '+905551234567', text: 'Your order has shipped.' });
		expect(requests.map((request) => request.body)).toEqual([{ to: '+905551234567', text: 'Your order has shipped.' }]);
	});

	it('Desk360 WhatsApp Download Media: the model reads that n8n gives agents no files, as its description says', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get('/v1/products/12/conversations/messages/media/wa-media-1').reply(200, Buffer.from('JPEG'), { 'content-type': 'image/jpeg' });
		const tool = await desk360Tool('whatsappMessage', 'getMedia');

		expect(await answerOf(tool, { media_id: 'wa-media-1' })).toBe(
			'Error: The Tool attempted to return binary data, which is not supported in Agents',
		);
		expect(requests.map((request) => request.path)).toEqual(['/v1/products/12/conversations/messages/media/wa-media-1']);
	});

	it('Desk360 WhatsApp Send Media: without files from the workflow it answers an error, as its description says', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		const tool = await desk360Tool('whatsappMessage', 'sendMedia');

		const answer = await answerOf(tool, { phone_number: '+905551234567' });
		expect(answer[0].error).toMatch(/Input Binary Fields/);
		expect(requests).toEqual([]);
	});

	it('Sendbird Desk Get ticket: the ticket the model names', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope.get(`${API_PATH}/tickets/12546`).reply(200, { id: 12546, status2: 'ACTIVE', priority: 'HIGH', channelName: 'Refund' });
		const tool = await toolFor(sendbird, { resource: 'ticket', operation: 'get' }, sendbirdCredentials as never);

		const answer = await answerOf(tool, { ticket_id: 12546 });
		expect(requests.map((request) => request.path)).toEqual([`${API_PATH}/tickets/12546`]);
		expect(answer).toEqual([
			{ id: 12546, channelName: 'Refund', status2: 'ACTIVE', status2_name: 'Active', priority: 'HIGH', priority_name: 'High' },
		]);
	});

	it('Sendbird Desk Create ticket note: the ticket and the note the model gives', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope.post(`${API_PATH}/ticket_notes`).reply(200, { id: 77, ticketId: 12546, note: 'Called the customer' });
		const tool = await toolFor(sendbird, { resource: 'ticketNote', operation: 'create' }, sendbirdCredentials as never);

		const answer = await answerOf(tool, { ticket_id: 12546, note: 'Called the customer' });
		expect(requests.map((request) => request.body)).toEqual([{ ticketId: 12546, note: 'Called the customer' }]);
		expect(answer).toEqual([{ id: 77, ticketId: 12546, note: 'Called the customer' }]);
	});

	it('Sendbird Desk Get Many and Close: what the model leaves empty is not sent', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope.get(`${API_PATH}/tickets`).query(true).times(2).reply(200, { count: 0, next: null, previous: null, results: [] });
		scope.patch(`${API_PATH}/tickets/12546/close`).times(2).reply(200, { id: 12546, status2: 'CLOSED' });
		const list = await toolFor(sendbird, { resource: 'ticket', operation: 'getAll' }, sendbirdCredentials as never);
		const close = await toolFor(sendbird, { resource: 'ticket', operation: 'close' }, sendbirdCredentials as never);

		await answerOf(list, {});
		await answerOf(list, { search: 'refund', status: 'PENDING' });
		await answerOf(close, { ticket_id: 12546 });
		await answerOf(close, { ticket_id: 12546, close_comment: 'Refunded' });
		const queries = requests.slice(0, 2).map((request) => new URL(request.path, 'https://x').searchParams);
		expect(queries.map((query) => [query.get('q'), query.get('status2')])).toEqual([
			[null, null],
			['refund', 'PENDING'],
		]);
		expect(requests.slice(2).map((request) => request.body)).toEqual([undefined, { closeComment: 'Refunded' }]);
	});
});

describe('an argument the model gives the wrong way', () => {
	it('of the wrong type (a text ticket id, an object for text): refused by the tool, naming the argument, nothing sent', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		const reply = await desk360Tool('ticket', 'reply');

		await expect(reply.invoke({ ticket_id: 'abc', message: 'Hi' })).rejects.toThrow(/ticket_id/);
		await expect(reply.invoke({ ticket_id: 1024, message: { text: 'Hi' } })).rejects.toThrow(/message/);
		expect(requests).toEqual([]);
	});

	it.each([
		['a ticket id that is no ID', { ticket_id: 10.5, message: 'Hi' }, /^Ticket must be a positive whole number/],
		['an empty message', { ticket_id: 1024, message: '  ' }, /^Message is required and is empty/],
	])('of the right type but not a valid value (%s): answered as an error item naming the field, nothing sent', async (_case, args, error) => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		const reply = await desk360Tool('ticket', 'reply');

		const answer = await answerOf(reply, args);
		expect(answer[0].error).toMatch(error);
		expect(answer.at(-1)!.note).toMatch(/Nothing was sent/);
		expect(requests).toEqual([]);
	});
});
