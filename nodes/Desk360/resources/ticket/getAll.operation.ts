import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateDateOrder, validateRequest } from '../../../shared/validation';
import { dateFilterField, returnAllAndLimit } from '../../../shared/descriptions';
import { agentLocator, priorityOptions, productLocator, statusOptions } from '../../shared/descriptions';
import { simplifyField } from '../../../shared/output';
import { listAnswer } from '../../../shared/resource';
import { ticketListOutput } from './output';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tickets',
	description: 'List or search the tickets of a product, newest update first',
	routing: { request: { method: 'GET', url: '/v1/products/:productId/tickets' } },
};

export const fields: INodeProperties[] = [
	productLocator,
	...returnAllAndLimit,
	simplifyField(ticketListOutput),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		routing: {
			send: {
				preSend: [
					validateRequest({
						start_date: { field: 'Start Date', type: 'date', in: 'qs' },
						end_date: { field: 'End Date', type: 'date', in: 'qs' },
						id: { field: 'Ticket ID', type: 'id', in: 'qs' },
						agent_id: { field: 'Agent', type: 'id', in: 'qs', zero: true },
						reason_id: { field: 'Reason', type: 'id', in: 'qs' },
						type_id: { field: 'Ticket Type', type: 'id', in: 'qs' },
					}),
					validateDateOrder('start_date', 'end_date', { start: 'Start Date', end: 'End Date' }),
				],
			},
		},
		options: [
			{
				...agentLocator('agent', 'Agent', { unassigned: true }),
				description: 'Only tickets assigned to this agent, or (Unassigned, ID 0) only tickets nobody is assigned to',
				routing: { send: { type: 'query', property: 'agent_id' } },
			},
			{
				displayName: 'Customer Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Search by the email of the customer',
				routing: { send: { type: 'query', property: 'email' } },
			},
			{
				displayName: 'Customer Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Search by the name of the customer',
				routing: { send: { type: 'query', property: 'name' } },
			},
			dateFilterField('End Date', 'endDate', 'end_date', 'Only tickets up to this day'),
			{
				displayName: 'Platform',
				name: 'platform',
				type: 'string',
				placeholder: 'e.g. Android',
				default: '',
				description: 'Only tickets from this platform, such as Android, iOS, Web or Api',
				routing: { send: { type: 'query', property: 'platform' } },
			},
			{
				displayName: 'Priority',
				name: 'priority',
				description: 'Only tickets of this priority: Low (0), Medium (1), High (2) or Urgent (3)',
				type: 'options',
				options: priorityOptions,
				default: 0,
				routing: { send: { type: 'query', property: 'priority' } },
			},
			{
				displayName: 'Reason Name or ID',
				name: 'reason',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getReasons', loadOptionsDependsOn: ['product.value'] },
				default: '',
				description:
					'Only tickets with this reason. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				routing: { send: { type: 'query', property: 'reason_id' } },
			},
			dateFilterField('Start Date', 'startDate', 'start_date', 'Only tickets from this day on'),
			{
				displayName: 'Status',
				name: 'status',
				description: 'Only tickets in this status: Resolved (1) or Waiting (2)',
				type: 'options',
				options: statusOptions,
				default: 1,
				routing: { send: { type: 'query', property: 'status' } },
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				description: 'Search by the subject of the ticket',
				routing: { send: { type: 'query', property: 'subject' } },
			},
			{
				displayName: 'Ticket ID',
				name: 'ticketId',
				type: 'string',
				default: '',
				description: 'Search by the ID of the ticket',
				routing: { send: { type: 'query', property: 'id' } },
			},
			{
				displayName: 'Ticket Type Name or ID',
				name: 'type',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTicketTypes', loadOptionsDependsOn: ['product.value'] },
				default: '',
				description:
					'Only tickets of this type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				routing: { send: { type: 'query', property: 'type_id' } },
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Oldest Update First',
				name: 'ascending',
				type: 'boolean',
				default: true,
				description:
					'Whether to sort by last update in ascending order (Desk360 sorts newest first by default)',
				routing: { send: { type: 'query', property: 'order', value: '={{ $value ? "asc" : undefined }}' } },
			},
		],
	},
];

/** Page after page, by Desk360's Link header. */
export const answer = listAnswer();

export const output = ticketListOutput;
