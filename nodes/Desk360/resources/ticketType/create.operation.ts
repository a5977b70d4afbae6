import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { productLocator } from '../../shared/descriptions';
import { activeField } from './shared';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a ticket type',
	routing: {
		request: { method: 'POST', url: '/v1/types' },
		send: {
			preSend: [
				validateRequest({
					product_id: { field: 'Product', type: 'id', required: true },
					title: { field: 'Title', type: 'text', required: true },
				}),
			],
		},
	},
};

export const fields: INodeProperties[] = [
	{ ...productLocator, routing: { send: { type: 'body', property: 'product_id' } } },
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		routing: { send: { type: 'body', property: 'title' } },
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		routing: { send: { type: 'body', property: 'description' } },
	},
	activeField,
];
