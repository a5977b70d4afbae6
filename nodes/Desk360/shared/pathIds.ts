import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { invalidField, isBlank, positiveInteger } from '../../shared/validation';

/** The `:name` placeholders of operation URLs, and the parameter that fills each. */
const PATH_IDS: Record<string, { parameter: string; field: string }> = {
	productId: { parameter: 'product', field: 'Product' },
	ticketId: { parameter: 'ticketId', field: 'Ticket' },
	typeId: { parameter: 'ticketTypeId', field: 'Ticket Type' },
	reasonId: { parameter: 'reasonId', field: 'Reason' },
	templateId: { parameter: 'templateId', field: 'Template' },
};

/**
 * Fills the placeholders of the operation's URL (written as in Desk360's
 * documentation, e.g. /v1/products/:productId/tickets) with checked IDs.
 */
export async function fillPathIds(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.url = requestOptions.url.replace(/:([a-zA-Z]+)/g, (placeholder, name: string) => {
		const id = PATH_IDS[name];
		if (!id) return placeholder;
		const value = this.getNodeParameter(id.parameter, undefined, { extractValue: true });
		if (isBlank(value)) throw invalidField(this, id.field, 'is required');
		if (positiveInteger(value) === undefined) {
			throw invalidField(this, id.field, 'must be a positive whole number (an ID)', value);
		}
		return encodeURIComponent(String(value).trim());
	});
	return requestOptions;
}
