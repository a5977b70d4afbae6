import type { INodeProperties } from 'n8n-workflow';

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
