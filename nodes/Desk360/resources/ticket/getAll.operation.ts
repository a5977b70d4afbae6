import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateDateOrder, validateRequest } from '../../../shared/validation';
import { dateFilterField, returnAllAndLimit } from '../../../shared/descriptions';
import { simplifyField } from '../../../shared/output';
import { productLocator, STATUS_VALUES } from '../../shared/descriptions';
import {
	agentFilter,
	platformFilter,
	priorityFilter,
	reasonFilter,
	statusFilter,
	TICKET_FILTER_RULES,
	ticketTypeFilter,
} from '../../shared/ticketFilters';
import { listAnswer } from '../../../shared/resource';
import type { ToolUse } from '../../../shared/toolUse';
import { ticketListOutput } from './output';
import { TICKET_FIELDS_TEXT } from './shared';

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
						// The searches and the status an AI agent fills: a blank one is left out of the query.
						email: { field: 'Customer Email', type: 'text', in: 'qs' },
						subject: { field: 'Subject', type: 'text', in: 'qs' },
						status: { field: 'Status', type: 'integer', in: 'qs' },
						...TICKET_FILTER_RULES,
					}),
					validateDateOrder('start_date', 'end_date', { start: 'Start Date', end: 'End Date' }),
				],
			},
		},
		options: [
			agentFilter,
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
			platformFilter,
			priorityFilter,
			reasonFilter,
			dateFilterField('Start Date', 'startDate', 'start_date', 'Only tickets from this day on'),
			statusFilter,
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
			ticketTypeFilter,
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

export const tool: ToolUse = {
	description:
		`List a Desk360 product's tickets (most recently updated first, unless the tool is set otherwise), optionally only a customer's (by email), by subject or by status. Use it to find a ticket and its id before reading, answering or changing it with the other ticket tools. Returns at most the node's limit of tickets, each with ${TICKET_FIELDS_TEXT}; not the conversation (use the tool that gets a ticket).`,
	arguments: {
		'filters.email': {
			key: 'customer_email',
			description: "Only the tickets of the customer with this email address, e.g. jane@example.com; leave empty for every customer's",
			type: 'string',
			default: '',
		},
		'filters.subject': {
			key: 'subject',
			description: 'Search the ticket subjects for this text; leave empty for any subject',
			type: 'string',
			default: '',
		},
		'filters.status': {
			key: 'status',
			description: `Only tickets in this status, as its number: ${STATUS_VALUES}; leave empty for any status`,
			type: 'string',
			default: '',
		},
	},
};
