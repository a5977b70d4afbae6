import { createHash } from 'crypto';
import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
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

/** How a list answer gives its objects and the address of its next page. */
export type PageReader = (response: IN8nHttpFullResponse) => { objects: IDataObject[]; next?: string };

/** Most Desk360 lists: the body is the list; the next page is in the Link header. */
export const linkHeaderPages: PageReader = (response) => ({
	objects: asObjects(response.body),
	next: nextPageUrl(response.headers),
});

/** One page of a Desk360 list; the next page's address is followed as given. */
async function fetchPage(
	context: RequestContext,
	options: IHttpRequestOptions,
	itemIndex: number | undefined,
	nextUrl: string | undefined,
	readPage: PageReader,
): Promise<{ objects: IDataObject[]; next?: string }> {
	const request = nextUrl === undefined ? options : { ...options, url: nextUrl, qs: {} };
	const page = readPage(await sendRequest(context, desk360Service, request, itemIndex));
	const next = page.next;
	if (next !== undefined) {
		const base = new URL(String(options.baseURL ?? options.url));
		// The token goes with every page: never follow a link to another server.
		if (new URL(next, base).origin !== base.origin) {
			throw new NodeApiError(context.getNode(), { link: next } as JsonObject, {
				message: 'Desk360 pointed the next page at another server',
				description: `The next page's address names ${new URL(next, base).origin}, not ${base.origin}; the node stops instead of sending the token there.`,
				itemIndex,
			});
		}
	}
	return page;
}

/** A request hook that sends one request, or for lists page after page until the end or the Limit. */
export function desk360PagedRequest(readPage: PageReader) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const options = requestData.options as IHttpRequestOptions;
		const objects = await collectPages(
			async (nextUrl: string | undefined) => await fetchPage(this, options, itemIndex, nextUrl, readPage),
			requestedLimit(this),
		);
		return toItems(objects, itemIndex);
	};
}

/**
 * Every Desk360 operation runs through here (the node's request hook) unless it
 * sets its own: pages by Link header.
 */
export const desk360Request = desk360PagedRequest(linkHeaderPages);

/** Every object of a Desk360 list, for dropdowns and searches. */
export async function desk360List(
	context: RequestContext,
	url: string,
	qs: IDataObject = {},
	limit?: number,
	readPage: PageReader = linkHeaderPages,
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
		async (nextUrl: string | undefined) => await fetchPage(context, options, undefined, nextUrl, readPage),
		limit,
	);
}
