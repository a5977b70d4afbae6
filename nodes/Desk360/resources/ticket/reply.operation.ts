import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { productLocator, ticketLocator } from '../../shared/descriptions';
import { messageAdditionalFields, messageField, TICKET_ID_ARGUMENT } from './shared';
import { messageOutput } from './output';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Reply',
	value: 'reply',
	action: 'Reply to a ticket',
	description: 'Send a message to the customer of a ticket',
	routing: {
		request: { method: 'POST', url: '/v1/products/:productId/tickets/:ticketId/reply' },
		send: { preSend: [validateRequest({ message: { field: 'Message', type: 'text', required: true } })] },
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	ticketLocator,
	messageField('Message', 'The reply the customer receives'),
	messageAdditionalFields,
];

export const output = messageOutput;

export const tool: ToolUse = {
	description:
		"Send a reply to the customer of a Desk360 ticket: the customer receives it. For a remark only agents may see, use the tool that adds a note instead. Read the ticket first with the tool that gets a ticket. Returns the saved message, with type_name Message.",
	arguments: {
		ticketId: TICKET_ID_ARGUMENT,
		message: { key: 'message', description: 'The reply the customer receives, as plain text, written to the customer', type: 'string' },
	},
};
