import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { productLocator, ticketLocator } from '../../shared/descriptions';
import { messageAdditionalFields, messageField, TICKET_ID_ARGUMENT } from './shared';
import { messageOutput } from './output';
import type { ToolUse } from '../../../shared/toolUse';

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

export const tool: ToolUse = {
	description:
		'Add an internal note to a Desk360 ticket: only agents see it, the customer does not. To write to the customer, use the reply tool instead. Returns the saved note, with type_name Note.',
	arguments: {
		ticketId: TICKET_ID_ARGUMENT,
		message: { key: 'note', description: 'The note for the other agents, as plain text; the customer never sees it', type: 'string' },
	},
};
