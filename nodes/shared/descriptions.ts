import type { INodeProperties } from 'n8n-workflow';

/** Return All + Limit of a Get Many operation, read by the node's request hook (see requestedLimit). */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/**
 * A date filter, the same in every node: text, so a plain date can be typed,
 * and expressions such as {{ $now }} or {{ $today.minus({ days: 7 }) }} work.
 * validateRequest's `date` rule reads it (YYYY-MM-DD, or an ISO date-time whose
 * date is used) and refuses anything else, so a date it cannot read never
 * runs unfiltered.
 */
export function dateFilterField(displayName: string, name: string, queryProperty: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		placeholder: 'YYYY-MM-DD',
		default: '',
		description: `${description}. A date as YYYY-MM-DD, a date-time (its date is used) or an expression such as {{ $today }}.`,
		routing: { send: { type: 'query', property: queryProperty } },
	};
}
