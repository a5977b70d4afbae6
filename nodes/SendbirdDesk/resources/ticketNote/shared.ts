import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/descriptions';

export const noteIdField = idField('noteId', 'Ticket Note ID', 'The ID of the ticket note');

/** The text of a note, sent as `note`; only admins and agents see it. */
export const noteField: INodeProperties = {
	displayName: 'Note',
	name: 'note',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description: 'The note; admins and agents see it, customers do not',
	routing: { send: { type: 'body', property: 'note' } },
};
