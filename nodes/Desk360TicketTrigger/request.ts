import type { IDataObject, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';

import { desk360Url } from '../Desk360/shared/pathIds';
import { TICKET_FILTER_RULES } from '../Desk360/shared/ticketFilters';
import { checkFields } from '../shared/inputChecks';
import { checkField, invalidField, isBlank } from '../shared/validation';
import { filterFields } from './description';

/**
 * The ticket list the trigger reads: the product's tickets, newest update
 * first (Desk360's default order), narrowed by the filters, which are the
 * query parameters of the Desk360 node's Ticket → Get Many, checked by the
 * same rules before anything is sent.
 */
export function ticketListRequest(context: IPollFunctions): IHttpRequestOptions {
	const product = context.getNodeParameter('product', '', { extractValue: true });
	const url = desk360Url(context, '/v1/products/:productId/tickets', { product });
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	if (typeof filters !== 'object' || filters === null || Array.isArray(filters)) {
		throw invalidField(context, 'Filters', 'must be a set of fields', filters);
	}
	checkFields(context, filterFields, filters, context.getNode().parameters);
	const qs: IDataObject = {};
	for (const field of filterFields) {
		if (!(field.name in filters)) continue;
		const query = field.routing!.send!.property!;
		const value = context.getNodeParameter(`filters.${field.name}`, '', { extractValue: true });
		const rule = TICKET_FILTER_RULES[query];
		const checked = rule ? checkField(context, rule, value) : value;
		if (!isBlank(checked)) qs[query] = (typeof checked === 'string' ? checked.trim() : checked) as IDataObject[string];
	}
	return { method: 'GET', url, qs, json: true };
}
