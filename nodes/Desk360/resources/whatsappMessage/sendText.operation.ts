import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { phoneNumberArgument, productLocator } from '../../shared/descriptions';
import { MESSAGES_URL, recipientField, recipientRule } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

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

export const tool: ToolUse = {
	description:
		"Send a WhatsApp text message to a phone number from the product's WhatsApp account. Use it to write to a customer on WhatsApp; to answer a ticket, use the ticket reply tool. Returns Desk360's answer for the sent message.",
	arguments: {
		to: phoneNumberArgument,
		text: { key: 'text', description: 'The message, as plain text, at most 4096 characters', type: 'string' },
	},
};
