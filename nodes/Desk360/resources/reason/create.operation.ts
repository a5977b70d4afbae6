import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { productIdField, requireProductAndTitle, titleArgument, titleField } from '../../shared/descriptions';
import { reasonActiveField } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a reason',
	routing: {
		request: { method: 'POST', url: '/v1/reasons' },
		send: { preSend: [requireProductAndTitle] },
	},
};

export const fields: INodeProperties[] = [productIdField, titleField, reasonActiveField];

export const tool: ToolUse = {
	description:
		'Create a ticket reason (a topic customers open tickets for) in the Desk360 product set in this tool. Check first with the tool that lists reasons that it does not exist yet. Returns the created reason as Desk360 sends it.',
	arguments: { title: titleArgument },
};
