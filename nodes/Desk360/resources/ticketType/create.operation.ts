import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { productIdField, requireProductAndTitle, titleArgument, titleField } from '../../shared/descriptions';
import { activeField } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a ticket type',
	routing: {
		request: { method: 'POST', url: '/v1/types' },
		send: { preSend: [requireProductAndTitle] },
	},
};

export const fields: INodeProperties[] = [
	productIdField,
	titleField,
	{
		displayName: 'Description',
		name: 'description',
		description: 'A longer description of the ticket type',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		routing: { send: { type: 'body', property: 'description' } },
	},
	activeField,
];

export const tool: ToolUse = {
	description:
		'Create a ticket type in the Desk360 product set in this tool. Check first with the tool that lists ticket types that it does not exist yet. Returns the created ticket type as Desk360 sends it.',
	arguments: {
		title: titleArgument,
		description: {
			key: 'description',
			description: 'A longer description of the ticket type; leave empty for none',
			type: 'string',
			default: '',
		},
	},
};
