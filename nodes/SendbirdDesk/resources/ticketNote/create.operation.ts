import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { TICKET_ID_ARGUMENT, ticketIdField } from '../ticket/shared';
import { NOTE_ARGUMENT, noteField } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

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
					ticketId: { field: 'Ticket', type: 'id', required: true },
					note: { field: 'Note', type: 'text', required: true },
				}),
			],
		},
	},
};

export const fields: INodeProperties[] = [
	{
		...ticketIdField,
		description: 'The ticket to leave the note in: search by channel name or customer, or give its ID',
		routing: { send: { type: 'body', property: 'ticketId' } },
	},
	noteField,
];

export const tool: ToolUse = {
	description:
		'Leave a note in a Sendbird Desk ticket: admins and agents see it, the customer does not. Returns the created note as Sendbird Desk sends it, with its id.',
	arguments: { ticketId: TICKET_ID_ARGUMENT, note: NOTE_ARGUMENT },
};
