import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { reasonSelector } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a reason',
	routing: { request: { method: 'GET', url: '/v1/reasons/:reasonId' } },
};

export const fields: INodeProperties[] = [reasonSelector];

export const tool: ToolUse = {
	description:
		'Get the Desk360 ticket reason set in this tool (a reason is the topic a ticket is opened for). Returns it as Desk360 sends it. To see every reason, use the tool that lists reasons.',
};
