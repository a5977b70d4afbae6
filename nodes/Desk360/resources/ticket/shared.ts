import type { INodeProperties } from 'n8n-workflow';

import { sendFiles } from '../../shared/multipart';
import { listParameter } from '../../../shared/inputChecks';

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
