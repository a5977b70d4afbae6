import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { priorityOptions, ticketIdField } from './shared';
import { readableSendbirdTicket } from './output';

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
