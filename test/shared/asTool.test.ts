/**
 * The nodes as an AI agent's tools, through n8n's own tool wrapper: n8n-core's
 * getInputConnectionData finds the tool node connected to the agent, wraps it
 * with createNodeAsTool (schema from the $fromAI() placeholders, description
 * from the node) and runs it through makeHandleToolInvocation, as n8n 2.8 does
 * for a usableAsTool node. The declarative node is executed by RoutingNode, as
 * n8n's NodeTypes assigns it for tools.
 */
import type { StructuredTool } from '@langchain/core/tools';
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	NodeConnectionTypes,
	Workflow,
	type IExecuteData,
	type IExecuteFunctions,
	type INode,
	type INodeType,
	type INodeTypes,
	type IRunExecutionData,
} from 'n8n-workflow';

import { desk360, desk360Api, tokenCredentials } from '../desk360/fixtures';
import { recordRequests } from '../helpers/expectations';
import { additionalDataFor, TestCredentialsHelper, type NodeHarness } from '../helpers/n8n';
import { API_PATH, credentials as sendbirdCredentials, sendbird, sendbirdApi } from '../sendbird/fixtures';

/** The node as n8n's NodeTypes serves "<name>Tool": an ai_tool output, executed by RoutingNode. */
function toolTypeOf(nodeType: INodeType): INodeType {
	const tool: INodeType = {
		description: { ...nodeType.description, name: `${nodeType.description.name}Tool`, inputs: [], outputs: [NodeConnectionTypes.AiTool] },
		async execute(this: IExecuteFunctions) {
			return (await new RoutingNode(this as never, tool).runNode()) ?? [];
		},
	};
	return tool;
}

/** A stand-in for the AI Agent: a node with an ai_tool input. */
const agentType: INodeType = {
	description: {
		displayName: 'Agent',
		name: 'agent',
		group: ['transform'],
		version: 1,
		description: 'Takes tools',
		defaults: { name: 'Agent' },
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.AiTool],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
};

/** The tool n8n hands the agent for `harness`'s node with `parameters`. */
async function toolFor(harness: NodeHarness, parameters: INode['parameters'], credentials: Record<string, never>): Promise<StructuredTool> {
	const toolType = toolTypeOf(harness.nodeType);
	const agent: INode = { id: 'agent', name: 'Agent', type: 'test.agent', typeVersion: 1, position: [0, 0], parameters: {} };
	const toolNode: INode = {
		id: 'tool',
		name: 'Helpdesk',
		type: `n8n-nodes-helpdesk.${toolType.description.name}`,
		typeVersion: 1,
		position: [0, 200],
		parameters,
		credentials: Object.fromEntries(
			(harness.nodeType.description.credentials ?? []).map(({ name }) => [name, { id: `${name}-id`, name }]),
		),
	};
	const nodeTypes: INodeTypes = {
		getByName: (type) => (type === agent.type ? agentType : toolType),
		getByNameAndVersion: (type) => (type === agent.type ? agentType : toolType),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'tool-workflow',
		nodes: [agent, toolNode],
		connections: { Helpdesk: { [NodeConnectionTypes.AiTool]: [[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] } },
		active: false,
		nodeTypes,
	});
	const helper = new TestCredentialsHelper(harness.credentialTypes, { ...credentials });
	const items = [{ json: {} }];
	const runExecutionData = {
		resultData: { runData: {} },
		executionData: { nodeExecutionStack: [], waitingExecution: {}, waitingExecutionSource: {} },
	} as unknown as IRunExecutionData;
	const executeData: IExecuteData = { node: workflow.getNode('Agent')!, data: { main: [items] }, source: null };
	const context = new ExecuteContext(
		workflow,
		workflow.getNode('Agent')!,
		additionalDataFor(helper),
		'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		executeData,
		[],
	);
	const tools = (await context.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as StructuredTool[];
	return tools[0];
}

function schemaKeys(tool: StructuredTool): string[] {
	return Object.keys((tool.schema as unknown as { shape: object }).shape).sort();
}

describe('the nodes as AI agent tools (n8n-core createNodeAsTool)', () => {
	it('Desk360: the agent fills Product and Ticket through $fromAI; the tool answers the readable, simplified ticket', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get('/v1/products/12/tickets/5').reply(200, { id: 5, status: 2, priority: 1, subject: 'Refund', settings: null, messages: [] });

		const tool = await toolFor(
			desk360,
			{
				resource: 'ticket',
				operation: 'get',
				product: { __rl: true, mode: 'id', value: "={{ $fromAI('product_id', 'The Desk360 product ID', 'number') }}" },
				ticketId: { __rl: true, mode: 'id', value: "={{ $fromAI('ticket_id', 'The ticket ID', 'number') }}" },
			},
			tokenCredentials as never,
		);

		expect(tool.name).toBe('Helpdesk');
		expect(schemaKeys(tool)).toEqual(['product_id', 'ticket_id']);
		const answer = JSON.parse(String(await tool.invoke({ product_id: 12, ticket_id: 5 })));
		expect(requests.map((request) => request.path)).toEqual(['/v1/products/12/tickets/5']);
		expect(answer).toEqual([
			{ id: 5, subject: 'Refund', status: 2, status_name: 'Waiting', priority: 1, priority_name: 'Medium', messages: [] },
		]);
	});

	it('Desk360: a value the agent got wrong is refused before anything is sent, and the agent reads why (the run goes on)', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		const tool = await toolFor(
			desk360,
			{
				resource: 'whatsappMessage',
				operation: 'sendText',
				product: { __rl: true, mode: 'id', value: '12' },
				to: "={{ $fromAI('phone', 'The customer phone number with + and country code') }}",
				text: "={{ $fromAI('text', 'The message text') }}",
			},
			tokenCredentials as never,
		);

		const answer = JSON.parse(String(await tool.invoke({ phone: '0555 123', text: 'Hello' })));
		expect(answer[0].error).toMatch(/^To must start with \+ and the country code.*found: "0555 123"/);
		expect(answer.at(-1).note).toMatch(/Nothing was sent/);
		expect(requests).toEqual([]);
	});

	it('Sendbird Desk: the agent leaves a note in a ticket it names', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope.post(`${API_PATH}/ticket_notes`).reply(200, { id: 77, ticketId: 12546, note: 'Called the customer' });

		const tool = await toolFor(
			sendbird,
			{
				resource: 'ticketNote',
				operation: 'create',
				ticketId: { __rl: true, mode: 'id', value: "={{ $fromAI('ticket_id', 'The Sendbird Desk ticket ID', 'number') }}" },
				note: "={{ $fromAI('note', 'The note for the agents') }}",
			},
			sendbirdCredentials as never,
		);

		expect(schemaKeys(tool)).toEqual(['note', 'ticket_id']);
		const answer = JSON.parse(String(await tool.invoke({ ticket_id: 12546, note: 'Called the customer' })));
		expect(requests.map((request) => request.body)).toEqual([{ ticketId: 12546, note: 'Called the customer' }]);
		expect(answer).toEqual([{ id: 77, ticketId: 12546, note: 'Called the customer' }]);
	});
});
