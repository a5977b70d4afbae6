import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { productLocator, ticketLocator } from '../../shared/descriptions';
import { messageAdditionalFields, messageField } from './shared';
import { messageOutput } from './output';

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
