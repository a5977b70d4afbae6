import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { priorityOptions, TICKET_ID_ARGUMENT, ticketIdField } from './shared';
import { readableSendbirdTicket } from './output';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Update Priority',
	value: 'updatePriority',
	action: 'Update the priority of a ticket',
	description: 'Set a ticket to Urgent, High, Medium or Low',
	routing: {
		request: { method: 'PATCH', url: '/tickets/:ticketId' },
		send: {
			preSend: [
				validateRequest({
					priority: {
						field: 'Priority',
						type: 'text',
						required: true,
						oneOf: priorityOptions.map((priority) => priority.value),
					},
				}),
			],
		},
	},
};

export const fields: INodeProperties[] = [
	ticketIdField,
	{
		displayName: 'Priority',
		name: 'priority',
		description: 'The new priority of the ticket: Urgent, High, Medium or Low',
		type: 'options',
		options: priorityOptions,
		required: true,
		default: 'MEDIUM',
		routing: { send: { type: 'body', property: 'priority' } },
	},
];

/** The ticket Sendbird answers, with its readable values. */
export const output = { readable: readableSendbirdTicket };

export const tool: ToolUse = {
	description:
		'Change the priority of a Sendbird Desk ticket. Returns the updated ticket as Sendbird Desk sends it, with status2_name, priority_name, customer_name, group_name and agent_name.',
	arguments: {
		ticketId: TICKET_ID_ARGUMENT,
		priority: {
			key: 'priority',
			description: 'The new priority, one of URGENT, HIGH, MEDIUM, LOW (highest first)',
			type: 'string',
		},
	},
};
