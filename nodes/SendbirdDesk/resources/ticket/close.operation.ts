import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { TICKET_ID_ARGUMENT, ticketIdField } from './shared';
import { readableSendbirdTicket } from './output';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Close',
	value: 'close',
	action: 'Close a ticket',
	description: 'Close a ticket and end its conversation',
	routing: {
		request: { method: 'PATCH', url: '/tickets/:ticketId/close' },
		// A blank comment (the AI agent's tool leaves it empty) is not sent.
		send: { preSend: [validateRequest({ closeComment: { field: 'Close Comment', type: 'text' } })] },
	},
};

export const fields: INodeProperties[] = [
	ticketIdField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Close Comment',
				name: 'closeComment',
				type: 'string',
				default: '',
				description: 'A comment kept on the ticket about why it was closed',
				routing: { send: { type: 'body', property: 'closeComment' } },
			},
		],
	},
];

/** The ticket Sendbird answers, with its readable values. */
export const output = { readable: readableSendbirdTicket };

export const tool: ToolUse = {
	description:
		'Close a Sendbird Desk ticket and end its conversation, when the matter is settled. Returns the closed ticket as Sendbird Desk sends it, with status2_name, priority_name, customer_name, group_name and agent_name.',
	arguments: {
		ticketId: TICKET_ID_ARGUMENT,
		'additionalFields.closeComment': {
			key: 'close_comment',
			description: 'A comment kept on the ticket about why it was closed; leave empty for none',
			type: 'string',
			default: '',
		},
	},
};
