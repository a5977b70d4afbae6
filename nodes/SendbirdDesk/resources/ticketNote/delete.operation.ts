import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { noteIdField } from './shared';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a ticket note',
	description: 'Delete a ticket note; outputs the ID of the deleted note',
	routing: {
		request: { method: 'DELETE', url: '/ticket_notes/:noteId' },
		send: { preSend: [validateRequest({ noteId: { field: 'Ticket Note ID', type: 'id', in: 'path' } })] },
	},
};

export const fields: INodeProperties[] = [noteIdField];
