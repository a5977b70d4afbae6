import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { listAnswer } from '../../../shared/resource';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many agents',
	description: 'List the agents of the Desk360 account',
	routing: { request: { method: 'GET', url: '/v1/agents' } },
};

export const fields: INodeProperties[] = [...returnAllAndLimit];

/** Page after page, by Desk360's Link header. */
export const answer = listAnswer();

export const tool: ToolUse = {
	description:
		"List the agents (support staff) of the Desk360 account. Use it to learn who an agent_id on a ticket is. Returns at most the node's limit of agents, as Desk360 sends them; their id is the agent_id of tickets.",
};
