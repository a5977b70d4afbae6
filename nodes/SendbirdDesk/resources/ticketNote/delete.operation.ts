import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { noteIdField } from './shared';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a ticket note',
	description: 'Delete a ticket note; outputs the ID of the deleted note',
	routing: { request: { method: 'DELETE', url: '/ticket_notes/:noteId' } },
};

export const fields: INodeProperties[] = [noteIdField];
