import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { NOTE_ARGUMENT, NOTE_ID_ARGUMENT, noteField, noteIdField } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a ticket note',
	description: 'Replace the text of a ticket note',
	routing: {
		request: { method: 'PATCH', url: '/ticket_notes/:noteId' },
		send: {
			preSend: [
				validateRequest({
					note: { field: 'Note', type: 'text', required: true },
				}),
			],
		},
	},
};

export const fields: INodeProperties[] = [noteIdField, noteField];

export const tool: ToolUse = {
	description:
		'Replace the text of a Sendbird Desk ticket note. Returns the updated note as Sendbird Desk sends it.',
	arguments: { noteId: NOTE_ID_ARGUMENT, note: { ...NOTE_ARGUMENT, description: 'The new text of the note, replacing the old one; admins and agents see it, the customer does not' } },
};
