import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { productIdField, requireProductAndTitle, titleField } from '../../shared/descriptions';
import { activeField } from './shared';

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
