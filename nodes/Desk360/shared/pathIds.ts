import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { validateRequest, type FieldRule } from '../../shared/validation';

/** The `:name` placeholders of operation URLs, and the parameter that fills each. */
const PATH_IDS: Record<string, FieldRule> = {
	productId: { field: 'Product', type: 'id', in: 'path', parameter: 'product' },
	ticketId: { field: 'Ticket', type: 'id', in: 'path', parameter: 'ticketId' },
	typeId: { field: 'Ticket Type', type: 'id', in: 'path', parameter: 'ticketTypeId' },
	reasonId: { field: 'Reason', type: 'id', in: 'path', parameter: 'reasonId' },
	templateId: { field: 'Template', type: 'id', in: 'path', parameter: 'templateId' },
};

/**
 * Fills the placeholders of the operation's URL (written as in Desk360's
 * documentation, e.g. /v1/products/:productId/tickets) with checked IDs.
 */
export async function fillPathIds(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const placeholders = Object.entries(PATH_IDS).filter(([name]) => requestOptions.url.includes(`:${name}`));
	return await validateRequest(Object.fromEntries(placeholders)).call(this, requestOptions);
}
