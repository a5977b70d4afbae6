import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { productLocator } from '../../shared/descriptions';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a reason',
	routing: {
		request: { method: 'POST', url: '/v1/reasons' },
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
		displayName: 'Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description: 'Whether the reason can be chosen for tickets',
		routing: { send: { type: 'body', property: 'is_active' } },
	},
];
