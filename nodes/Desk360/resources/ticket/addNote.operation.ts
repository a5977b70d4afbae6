import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { productLocator, ticketLocator } from '../../shared/descriptions';
import { messageAdditionalFields, messageField } from './shared';
import { messageOutput } from './output';

export const option: INodePropertyOptions = {
	name: 'Add Note',
	value: 'addNote',
	action: 'Add a note to a ticket',
	description: 'Add a note only agents can see',
	routing: {
		// The document's heading says /reply; its curl sample (which Desk360 serves) says /note.
		request: { method: 'POST', url: '/v1/products/:productId/tickets/:ticketId/note' },
		send: { preSend: [validateRequest({ message: { field: 'Note', type: 'text', required: true } })] },
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	ticketLocator,
	messageField('Note', 'The note; only agents see it'),
	messageAdditionalFields,
];

export const output = messageOutput;
