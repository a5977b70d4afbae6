import { validateRequest } from '../../../shared/validation';
import { filtersCollection, getManyOperation, locatorField } from '../../shared/descriptions';
import { simplifyField } from '../../../shared/output';
import { sendbirdTicketOutput } from './output';
import { statusOptions } from './shared';

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
