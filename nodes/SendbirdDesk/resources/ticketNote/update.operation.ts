import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { noteField, noteIdField } from './shared';

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
