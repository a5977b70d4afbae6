import type { INodeProperties } from 'n8n-workflow';

import { sendFiles } from '../../shared/multipart';
import { listParameter } from '../../../shared/inputChecks';
import type { ToolArgument } from '../../../shared/toolUse';

/** A reason of the chosen product, sent as reason_id. */
export const ticketReasonField: INodeProperties = {
	displayName: 'Reason Name or ID',
	name: 'reason',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getReasons', loadOptionsDependsOn: ['product.value'] },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	routing: { send: { type: 'body', property: 'reason_id' } },
};

/** The text of a reply or a note. */
export function messageField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description,
		routing: { send: { type: 'body', property: 'message' } },
	};
}

/** Files from the input item; with any, the request goes as multipart form data (attachments[]). */
export const attachmentsField: INodeProperties = listParameter({
	displayName: 'Attachments',
	name: 'attachments',
	type: 'string',
	default: '',
	placeholder: 'e.g. data, invoice',
	description:
		'Names of the binary fields of the input item to attach, separated by commas. With attachments the request is sent as multipart form data.',
	routing: {
		send: {
			preSend: [
				sendFiles({ parameter: 'additionalFields.attachments', field: 'Attachments', part: 'attachments[]' }),
			],
		},
	},
});

/** The optional fields of a reply or a note. */
export const messageAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [attachmentsField],
};

/** The ticket the model acts on, in every ticket tool that takes one. */
export const TICKET_ID_ARGUMENT: ToolArgument = {
	key: 'ticket_id',
	description: "The ticket's numeric id, e.g. 1024: the id field of a ticket from the tool that lists tickets",
	type: 'number',
};

/** What a ticket tool's simplified answer holds for each ticket (output.ts's Simplify set), as the model reads it. */
export const TICKET_FIELDS_TEXT =
	'id, subject, name and email (of the customer), status and status_name, priority and priority_name, channel, platform, agent_id (0: unassigned), reason_id, type_id, last_message, created_at_iso and updated_at_iso';
