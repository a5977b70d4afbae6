import { dateFilterField } from '../../../shared/descriptions';
import { validateDateOrder, validateRequest } from '../../../shared/validation';
import { filtersCollection, getManyOperation } from '../../shared/descriptions';
import type { ToolUse } from '../../../shared/toolUse';

const filters = filtersCollection(
	[
		dateFilterField('End Date', 'endDate', 'end_date', 'Only notes created up to this day (UTC); empty: today'),
		dateFilterField(
			'Start Date',
			'startDate',
			'start_date',
			'Only notes created from this day on (UTC), at most one year before the end date; empty: 30 days before the end date',
		),
	],
	validateRequest({
		start_date: { field: 'Start Date', type: 'date', in: 'qs' },
		end_date: { field: 'End Date', type: 'date', in: 'qs' },
	}),
	// Sendbird refuses a range over one year (error 400113).
	validateDateOrder('start_date', 'end_date', { start: 'Start Date', end: 'End Date' }, 'qs', 1),
);

// Ticket notes come in pages of at most 100.
export const { option, fields, answer } = getManyOperation(
	'ticket notes',
	'/ticket_notes',
	'List the ticket notes created in a period (by default the 30 days up to today)',
	{ maxPageSize: 100, fields: [filters] },
);

export const tool: ToolUse = {
	description:
		"List the Sendbird Desk ticket notes of all tickets created in a period, by default the 30 days up to today (a period of at most one year). Returns at most the node's limit of notes, as Sendbird Desk sends them.",
	arguments: {
		'filters.startDate': {
			key: 'start_date',
			description: 'Only notes created from this day on (UTC), as YYYY-MM-DD, at most one year before the end date; leave empty for 30 days before the end date',
			type: 'string',
			default: '',
		},
		'filters.endDate': {
			key: 'end_date',
			description: 'Only notes created up to this day (UTC), as YYYY-MM-DD; leave empty for today',
			type: 'string',
			default: '',
		},
	},
};
