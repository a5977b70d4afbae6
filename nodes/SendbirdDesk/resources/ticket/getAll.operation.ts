import { validateRequest } from '../../../shared/validation';
import { filtersCollection, getManyOperation, locatorField } from '../../shared/descriptions';
import { simplifyField } from '../../../shared/output';
import { sendbirdTicketOutput } from './output';
import { STATUS_VALUES, statusOptions, TICKET_FIELDS_TEXT } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

const filters = filtersCollection(
	[
		{
			...locatorField('agent', 'Agent', 'Only tickets assigned to this agent', 'searchAgents', 'e.g. 7'),
			required: false,
			routing: { send: { type: 'query', property: 'agent' } },
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only tickets that match this keyword (Sendbird returns at most 100 of them)',
			routing: { send: { type: 'query', property: 'q' } },
		},
		{
			displayName: 'Status',
			name: 'status',
			description: 'Only tickets in this status',
			type: 'options',
			options: statusOptions,
			default: 'ACTIVE',
			routing: { send: { type: 'query', property: 'status2' } },
		},
	],
	validateRequest({
		// A blank search (the AI agent's tool leaves it empty) is left out of the query.
		q: { field: 'Search', type: 'text', in: 'qs' },
		status2: { field: 'Status', type: 'text', in: 'qs', oneOf: statusOptions.map((status) => status.value) },
		agent: { field: 'Agent', type: 'id', in: 'qs' },
	}),
);

export const { option, fields, answer } = getManyOperation('tickets', '/tickets', 'List or search the tickets', {
	fields: [simplifyField(sendbirdTicketOutput), filters],
});

export const output = sendbirdTicketOutput;

export const tool: ToolUse = {
	description: `List or search the Sendbird Desk tickets, optionally only those matching a keyword or in one status. Use it to find a ticket and its id before reading, closing or noting it with the other ticket tools. Returns at most the node's limit of tickets (a keyword search at most 100), each with ${TICKET_FIELDS_TEXT}.`,
	arguments: {
		'filters.search': {
			key: 'search',
			description: 'Only tickets that match this keyword, such as a customer name or a channel name; leave empty for all tickets',
			type: 'string',
			default: '',
		},
		'filters.status': {
			key: 'status',
			description: `Only tickets in this status: ${STATUS_VALUES}; leave empty for any status`,
			type: 'string',
			default: '',
		},
	},
};
