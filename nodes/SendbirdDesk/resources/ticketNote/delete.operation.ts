import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { NOTE_ID_ARGUMENT, noteIdField } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a ticket note',
	description: 'Delete a ticket note; outputs the ID of the deleted note',
	routing: { request: { method: 'DELETE', url: '/ticket_notes/:noteId' } },
};

export const fields: INodeProperties[] = [noteIdField];

export const tool: ToolUse = {
	description: 'Delete a Sendbird Desk ticket note. Returns the id of the deleted note.',
	arguments: { noteId: NOTE_ID_ARGUMENT },
};
