import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { productLocator, STATUS_VALUES, statusOptions, ticketLocator } from '../../shared/descriptions';
import { TICKET_ID_ARGUMENT, ticketReasonField } from './shared';
import { ticketChangeOutput } from './output';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Update Status',
	value: 'updateStatus',
	action: 'Update the status of a ticket',
	description: 'Set a ticket to Resolved or Waiting, with a reason',
	routing: {
		// The document's heading says /reply; its curl sample (which Desk360 serves) says /status.
		request: { method: 'POST', url: '/v1/products/:productId/tickets/:ticketId/status' },
		send: {
			preSend: [
				validateRequest({
					status: { field: 'Status', type: 'integer', required: true, oneOf: [1, 2] },
					reason_id: { field: 'Reason', type: 'id', required: true },
				}),
			],
		},
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	ticketLocator,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: statusOptions,
		required: true,
		default: 1,
		description: 'Desk360 lets the API set only Resolved or Waiting',
		routing: { send: { type: 'body', property: 'status' } },
	},
	ticketReasonField,
];

export const output = ticketChangeOutput;

export const tool: ToolUse = {
	description:
		"Set the status of a Desk360 ticket to Resolved or Waiting, with the reason set in this tool; Desk360's API can set no other status. Returns the updated ticket as Desk360 sends it, with status_name.",
	arguments: {
		ticketId: TICKET_ID_ARGUMENT,
		status: { key: 'status', description: `The new status, as its number: ${STATUS_VALUES}`, type: 'number' },
	},
};
