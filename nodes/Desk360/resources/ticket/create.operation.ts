import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { agentLocator, productLocator, statusOptions } from '../../shared/descriptions';
import { attachmentsField, ticketReasonField } from './shared';
import { ticketChangeOutput } from './output';

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
