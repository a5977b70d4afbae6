import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a customer',
	description: 'Register a Sendbird Chat user as a Desk customer',
	routing: {
		request: { method: 'POST', url: '/customers' },
		send: { preSend: [validateRequest({ sendbirdId: { field: 'Sendbird User ID', type: 'text', required: true } })] },
	},
};

export const fields: INodeProperties[] = [
	{
		displayName: 'Sendbird User ID',
		name: 'sendbirdId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. customer_1024',
		description: 'The user ID of the customer in Sendbird Chat',
		routing: { send: { type: 'body', property: 'sendbirdId' } },
	},
];

export const tool: ToolUse = {
	description:
		'Register a Sendbird Chat user as a Sendbird Desk customer, so that tickets can be opened for them. Returns the created customer as Sendbird Desk sends it, with its Desk id.',
	arguments: {
		sendbirdId: {
			key: 'sendbird_user_id',
			description: 'The user ID of the person in Sendbird Chat, e.g. customer_1024',
			type: 'string',
		},
	},
};
