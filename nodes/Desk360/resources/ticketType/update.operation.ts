import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { activeField, ticketTypeSelector } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a ticket type',
	description: 'Switch a custom ticket type on or off (built-in types cannot change)',
	routing: { request: { method: 'PUT', url: '/v1/types/:typeId' } },
};

export const fields: INodeProperties[] = [ticketTypeSelector, activeField];

export const tool: ToolUse = {
	description:
		'Switch the custom Desk360 ticket type set in this tool on or off, as set in the tool; built-in types cannot change. Returns the updated ticket type as Desk360 sends it.',
};
