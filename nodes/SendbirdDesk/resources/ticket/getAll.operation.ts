import { validateRequest } from '../../../shared/validation';
import { filtersCollection, getManyOperation } from '../../shared/descriptions';
import { statusOptions } from './shared';

const filters = filtersCollection(
	[
		{
			displayName: 'Agent ID',
			name: 'agent',
			type: 'string',
			default: '',
			placeholder: 'e.g. 7',
			description: 'Only tickets assigned to the agent with this ID',
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
			type: 'options',
			options: statusOptions,
			default: 'ACTIVE',
			routing: { send: { type: 'query', property: 'status2' } },
		},
	],
	validateRequest({
		status2: { field: 'Status', type: 'text', in: 'qs', oneOf: statusOptions.map((status) => status.value) },
		agent: { field: 'Agent ID', type: 'id', in: 'qs' },
	}),
);

export const { option, fields, answer } = getManyOperation('tickets', '/tickets', 'List or search the tickets', {
	fields: [filters],
});
