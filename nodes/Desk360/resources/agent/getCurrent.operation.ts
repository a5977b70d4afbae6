import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Get Current',
	value: 'getCurrent',
	action: 'Get the current agent',
	description: 'Get the agent whose token the credential uses',
	routing: { request: { method: 'GET', url: '/v1/me' } },
};

export const fields: INodeProperties[] = [];

export const tool: ToolUse = {
	description:
		'Get the Desk360 agent this tool acts as (whose credential it uses). Use it to learn which agent replies and notes are sent in the name of. Returns that agent as Desk360 sends it.',
};
