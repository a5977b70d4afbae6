import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ticketTypeSelector } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a ticket type',
	routing: { request: { method: 'GET', url: '/v1/types/:typeId' } },
};

export const fields: INodeProperties[] = [ticketTypeSelector];

export const tool: ToolUse = {
	description:
		'Get the Desk360 ticket type set in this tool. Returns it as Desk360 sends it. To see every ticket type, use the tool that lists ticket types.',
};
