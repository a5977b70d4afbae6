import type { INodeProperties } from 'n8n-workflow';

import type { ToolArgument } from '../../../shared/toolUse';
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

/** The note text the model writes. */
export const NOTE_ARGUMENT: ToolArgument = {
	key: 'note',
	description: 'The note for the other agents, as plain text; admins and agents see it, the customer does not',
	type: 'string',
};

/** The note the model acts on. */
export const NOTE_ID_ARGUMENT: ToolArgument = {
	key: 'note_id',
	description: "The note's numeric id, e.g. 77: the id field of a note from the tool that lists ticket notes",
	type: 'number',
};
