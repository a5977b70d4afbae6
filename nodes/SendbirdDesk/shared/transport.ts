import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { asObjects, collectPages, requestedLimit, toItems, type Page } from '../../shared/pagination';
import { sendRequest, type ServiceDefinition } from '../../shared/transport';
import { invalidField, positiveInteger } from '../../shared/validation';
import { sendbirdDeskBaseUrl, sendbirdDeskDefaultUrl } from './baseUrl';
import { sendbirdDeskError } from './errors';

export const sendbirdDeskService: ServiceDefinition = {
	credentialType: 'sendbirdDeskApi',
	// Sendbird limits requests per application.
	accountKey: (credentials) =>
		`${String(credentials.applicationId ?? '').trim()}\n${sendbirdDeskBaseUrl(credentials)}`,
	toError: sendbirdDeskError,
};

/**
 * A preSend step of list operations: asks for pages of `maxPageSize` (the most
 * the endpoint allows), or fewer when the Limit needs fewer.
 */
export function pagesOf(maxPageSize: number) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const limit = requestedLimit(this);
		if (limit !== undefined && positiveInteger(limit) === undefined) {
			throw invalidField(this, 'Limit', 'must be a whole number of at least 1', limit);
		}
		const pageSize = Math.min(maxPageSize, limit ?? maxPageSize);
		requestOptions.qs = { ...requestOptions.qs, limit: pageSize, offset: 0 };
		return requestOptions;
	};
}

/** The parts of a Sendbird Desk list answer ({count, next, previous, results}) the pages need. */
interface ListAnswer {
	next?: string | null;
	results?: IDataObject[];
}

/**
 * Where the next page is, as an absolute URL on the credential's server. Behind
 * a proxy (Base URL override) Sendbird's own address is mapped onto the proxy;
 * any other server is refused, as the token goes with every page. With
 * `pageSize`, the page asks for no more than that.
 */
function nextPageUrl(
	context: IExecutePaginationFunctions,
	next: string,
	baseUrl: string,
	sendbirdUrl: string,
	pageSize: number | undefined,
): string {
	const base = new URL(baseUrl);
	let url = new URL(next, base);
	if (url.origin !== base.origin) {
		const sendbird = new URL(sendbirdUrl);
		if (url.origin !== sendbird.origin || !url.pathname.startsWith(`${sendbird.pathname}/`)) {
			throw new NodeApiError(context.getNode(), { next } as JsonObject, {
				message: 'Sendbird Desk pointed the next page at another server',
				description: `The answer's "next" names ${url.origin}, not ${base.origin}; the node stops instead of sending the API token there.`,
				itemIndex: context.getItemIndex(),
			});
		}
		url = new URL(`${baseUrl}${url.pathname.slice(sendbird.pathname.length)}${url.search}`);
	}
	if (pageSize !== undefined) url.searchParams.set('limit', String(pageSize));
	return url.href;
}

/**
 * Every Sendbird Desk operation runs through here (the node's request hook):
 * one request, or for lists (marked by the `limit` of pagesOf) page after page
 * by `next` until it is null or the Limit is reached.
 */
export async function sendbirdDeskRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const options = requestData.options as IHttpRequestOptions;
	const pageSize = (options.qs as IDataObject | undefined)?.limit;
	if (typeof pageSize !== 'number') {
		const response = await sendRequest(this, sendbirdDeskService, options, itemIndex);
		return toItems(asObjects(response.body), itemIndex);
	}

	const limit = requestedLimit(this);
	const credentials = await this.getCredentials(sendbirdDeskService.credentialType);
	let received = 0;
	const fetchPage = async (pageUrl: string | undefined): Promise<Page<string>> => {
		const request = pageUrl === undefined ? options : { ...options, url: pageUrl, qs: {} };
		const response = await sendRequest(this, sendbirdDeskService, request, itemIndex);
		const answer = response.body as ListAnswer;
		const objects = Array.isArray(answer?.results) ? answer.results : asObjects(response.body);
		received += objects.length;
		const next = answer?.next;
		const last =
			typeof next !== 'string' ||
			next === '' ||
			// An empty page ends the list even if it names a next one: no endless loop.
			objects.length === 0 ||
			(limit !== undefined && received >= limit);
		if (last) return { objects };
		const wanted = limit === undefined ? undefined : Math.min(pageSize, limit - received);
		return {
			objects,
			next: nextPageUrl(this, next, String(options.baseURL), sendbirdDeskDefaultUrl(credentials), wanted),
		};
	};
	return toItems(await collectPages(fetchPage, limit), itemIndex);
}
