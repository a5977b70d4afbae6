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

import { additionalDataFor, TestCredentialsHelper, type NodeHarness } from './n8n';

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
export async function toolFor(harness: NodeHarness, parameters: INode['parameters'], credentials: Record<string, never>): Promise<StructuredTool> {
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

export function schemaKeys(tool: StructuredTool): string[] {
	return Object.keys((tool.schema as unknown as { shape: object }).shape).sort();
}

