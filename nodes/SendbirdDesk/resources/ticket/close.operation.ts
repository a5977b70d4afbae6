import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { ticketIdField } from './shared';
import { readableSendbirdTicket } from './output';

export const option: INodePropertyOptions = {
	name: 'Close',
	value: 'close',
	action: 'Close a ticket',
	description: 'Close a ticket and end its conversation',
	routing: {
		request: { method: 'PATCH', url: '/tickets/:ticketId/close' },
		// A blank comment (the AI agent's tool leaves it empty) is not sent.
		send: { preSend: [validateRequest({ closeComment: { field: 'Close Comment', type: 'text' } })] },
	},
};

export const fields: INodeProperties[] = [
	ticketIdField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Close Comment',
				name: 'closeComment',
				type: 'string',
				default: '',
				description: 'A comment kept on the ticket about why it was closed',
				routing: { send: { type: 'body', property: 'closeComment' } },
			},
		],
	},
];

/** The ticket Sendbird answers, with its readable values. */
export const output = { readable: readableSendbirdTicket };
