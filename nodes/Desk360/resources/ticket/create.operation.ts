import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { agentLocator, productLocator, STATUS_VALUES, statusOptions } from '../../shared/descriptions';
import { attachmentsField, ticketReasonField } from './shared';
import { ticketChangeOutput } from './output';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a ticket',
	description: 'Open a ticket on behalf of a customer',
	routing: {
		request: { method: 'POST', url: '/v1/products/:productId/tickets' },
		send: {
			preSend: [
				validateRequest({
					name: { field: 'Customer Name', type: 'text', required: true },
					email: { field: 'Customer Email', type: 'email', required: true },
					reason_id: { field: 'Reason', type: 'id', required: true },
					description: { field: 'Description', type: 'text', required: true },
					status: { field: 'Status', type: 'integer', required: true, oneOf: [1, 2] },
					assign_to_agent_id: { field: 'Assign to Agent', type: 'id' },
					settings: { field: 'Settings (JSON)', type: 'jsonObject' },
				}),
			],
		},
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	{
		displayName: 'Customer Name',
		name: 'customerName',
		description: 'The name of the customer who opens the ticket, e.g. Jane Doe',
		type: 'string',
		required: true,
		default: '',
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Customer Email',
		name: 'email',
		description: 'Email address of the customer; Desk360 replies to it, e.g. jane@example.com',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		routing: { send: { type: 'body', property: 'email' } },
	},
	ticketReasonField,
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'What the ticket is about; becomes its first message',
		routing: { send: { type: 'body', property: 'description' } },
	},
	{
		displayName: 'Status',
		name: 'status',
		description: 'Ticket status: Resolved (1) or Waiting (2)',
		type: 'options',
		options: statusOptions,
		required: true,
		default: 2,
		routing: { send: { type: 'body', property: 'status' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				...agentLocator('assignToAgent', 'Assign to Agent'),
				routing: { send: { type: 'body', property: 'assign_to_agent_id' } },
			},
			attachmentsField,
			{
				displayName: 'Settings (JSON)',
				name: 'settings',
				type: 'json',
				default: '{}',
				description: 'Extra ticket settings as a JSON object; sent to Desk360 as a JSON string',
				routing: { send: { type: 'body', property: 'settings' } },
			},
		],
	},
];

export const output = ticketChangeOutput;

export const tool: ToolUse = {
	description:
		'Open a new Desk360 ticket on behalf of a customer, with the reason set in this tool; the description becomes its first message. Use it only for a new matter: to answer an existing ticket, use the reply tool. Returns the created ticket as Desk360 sends it, with its id, status_name and priority_name.',
	arguments: {
		customerName: { key: 'customer_name', description: 'The full name of the customer, e.g. Jane Doe', type: 'string' },
		email: {
			key: 'customer_email',
			description: 'The email address of the customer, e.g. jane@example.com; Desk360 sends its answers there',
			type: 'string',
		},
		description: {
			key: 'description',
			description: "What the ticket is about, in the customer's words or a clear summary; it becomes the ticket's first message",
			type: 'string',
		},
		status: {
			key: 'status',
			description: `The status of the new ticket: ${STATUS_VALUES}. Leave it at 2 unless the matter is already settled.`,
			type: 'number',
			default: 2,
		},
	},
};
