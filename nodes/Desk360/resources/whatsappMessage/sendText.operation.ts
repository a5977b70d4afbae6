import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { productLocator } from '../../shared/descriptions';
import { MESSAGES_URL, recipientField, recipientRule } from './shared';

export const option: INodePropertyOptions = {
	name: 'Send Text',
	value: 'sendText',
	action: 'Send a WhatsApp text message',
	description: 'Send a text message to a WhatsApp number',
	routing: {
		request: { method: 'POST', url: MESSAGES_URL },
		send: {
			preSend: [
				validateRequest({
					...recipientRule,
					text: { field: 'Text', type: 'text', required: true, maxLength: 4096 },
				}),
			],
		},
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	recipientField,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The message, at most 4096 characters',
		routing: { send: { type: 'body', property: 'text' } },
	},
];
