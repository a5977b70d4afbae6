import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { idField } from '../../shared/descriptions';
import { noteField } from './shared';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a ticket note',
	description: 'Leave a note in a ticket',
	routing: {
		request: { method: 'POST', url: '/ticket_notes' },
		send: {
			preSend: [
				validateRequest({
					ticketId: { field: 'Ticket ID', type: 'id', required: true },
					note: { field: 'Note', type: 'text', required: true },
				}),
			],
		},
	},
};

export const fields: INodeProperties[] = [
	{
		...idField('ticketId', 'Ticket ID', 'The ID of the ticket to leave the note in'),
		routing: { send: { type: 'body', property: 'ticketId' } },
	},
	noteField,
];
