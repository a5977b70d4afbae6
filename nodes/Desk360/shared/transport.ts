import { createHash } from 'crypto';
import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { asObjects, collectPages, requestedLimit, toItems } from '../../shared/pagination';
import { sendRequest, type RequestContext, type ServiceDefinition } from '../../shared/transport';
import { desk360Error } from './errors';
import { desk360BaseUrl } from './login';

export const desk360Service: ServiceDefinition = {
	credentialType: 'desk360Api',
	accountKey: (credentials) =>
		createHash('sha256')
			.update(
				`${desk360BaseUrl(credentials)}\n${
					credentials.authMode === 'login' ? String(credentials.email) : String(credentials.apiToken)
				}`,
			)
			.digest('hex'),
	renewsSessionOn401: (credentials) => credentials.authMode === 'login',
	toError: desk360Error,
};

/** The rel="next" address of a Link header, if any. */
export function nextPageUrl(headers: IDataObject): string | undefined {
	const raw = headers.link ?? headers.Link;
	const link = Array.isArray(raw) ? raw.join(',') : (raw as string | undefined);
	if (!link) return undefined;
	for (const part of link.split(',')) {
		const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
		if (match && /rel\s*=\s*"?next"?/i.test(match[2])) return match[1];
	}
	return undefined;
}

/** One page of a Desk360 list: the next page comes from the Link header, followed as given. */
async function fetchPage(
	context: RequestContext,
	options: IHttpRequestOptions,
	itemIndex: number | undefined,
	nextUrl: string | undefined,
): Promise<{ objects: IDataObject[]; next?: string }> {
	const request = nextUrl === undefined ? options : { ...options, url: nextUrl, qs: {} };
	const response = await sendRequest(context, desk360Service, request, itemIndex);
	const next = nextPageUrl(response.headers);
	if (next !== undefined) {
		const base = new URL(String(options.baseURL ?? options.url));
		// The token goes with every page: never follow a link to another server.
		if (new URL(next, base).origin !== base.origin) {
			throw new NodeApiError(context.getNode(), { link: next } as JsonObject, {
				message: 'Desk360 pointed the next page at another server',
				description: `The Link header names ${new URL(next, base).origin}, not ${base.origin}; the node stops instead of sending the token there.`,
				itemIndex,
			});
		}
	}
	return { objects: asObjects(response.body), next };
}

/**
 * Every Desk360 operation runs through here (the node's request hook): one request,
 * or for lists page after page by Link header until the end or the Limit.
 */
export async function desk360Request(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const options = requestData.options as IHttpRequestOptions;
	const objects = await collectPages(
		async (nextUrl: string | undefined) => await fetchPage(this, options, itemIndex, nextUrl),
		requestedLimit(this),
	);
	return toItems(objects, itemIndex);
}

/** Every object of a Desk360 list, for dropdowns and searches. */
export async function desk360List(
	context: RequestContext,
	url: string,
	qs: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	const credentials = await context.getCredentials(desk360Service.credentialType);
	const options: IHttpRequestOptions = {
		method: 'GET',
		baseURL: desk360BaseUrl(credentials),
		url,
		qs,
		json: true,
	};
	return await collectPages(
		async (nextUrl: string | undefined) => await fetchPage(context, options, undefined, nextUrl),
		limit,
	);
}
