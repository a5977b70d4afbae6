import { NodeApiError, type IDataObject, type IHttpRequestOptions, type JsonObject } from 'n8n-workflow';

import { baseUrlOf, sendRequest } from './send';
import type { ListRules, Page, RequestContext, ServiceDefinition } from './service';

/** An answer body as a list of objects: one n8n item each, never a wrapper. */
export function asObjects(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body === undefined || body === null || body === '') return [];
	if (typeof body === 'object') return [body as IDataObject];
	return [{ data: body }];
}

function stripPrefix(path: string, prefix: string): string | undefined {
	if (prefix === '') return path;
	return path === prefix || path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : undefined;
}

/**
 * The next page as a path and query below the Base URL. Servers build these
 * addresses from their own configured host (behind a proxy, Desk360 names
 * api.desk360.com; Laravel names whatever host it was set up with), so the
 * host of the link is never used: the page is always asked of the Base URL,
 * and the credential never goes anywhere else.
 */
export function nextPagePath(
	context: RequestContext,
	service: ServiceDefinition,
	next: string,
	current: { baseUrl: string; path: string },
	itemIndex?: number,
): string {
	const base = new URL(current.baseUrl);
	const link = new URL(next, `${current.baseUrl}${current.path}`);
	const onBase = link.origin === base.origin ? stripPrefix(link.pathname, base.pathname.replace(/\/+$/, '')) : undefined;
	const path = onBase ?? stripPrefix(link.pathname, service.apiRoot);
	if (path === undefined) {
		throw new NodeApiError(context.getNode(), { next } as JsonObject, {
			message: `${service.name} pointed the next page outside its API`,
			description: `The next page's address (${link.pathname}) does not start with ${service.apiRoot}; the node stops instead of guessing where the rest of the list is.`,
			itemIndex,
		});
	}
	return `${path}${link.search}`;
}

function withQueryValue(path: string, name: string, value: number): string {
	const url = new URL(path, 'http://path.invalid');
	url.searchParams.set(name, String(value));
	return `${url.pathname}${url.search}`;
}

export interface ListOptions {
	rules: ListRules;
	itemIndex?: number;
	/** How many objects are still wanted; undefined for all. Sets the page size where the API takes one. */
	remaining?: () => number | undefined;
}

/**
 * The pages of a list, one request each, until the last page (no next page,
 * or an empty one). The caller may stop early: no further page is asked for.
 */
export async function* readPages(
	context: RequestContext,
	service: ServiceDefinition,
	options: IHttpRequestOptions,
	{ rules, itemIndex, remaining = () => undefined }: ListOptions,
): AsyncGenerator<Page> {
	const { pageSize } = rules;
	const size = () => Math.max(1, Math.min(pageSize!.max, remaining() ?? pageSize!.max));
	let request: IHttpRequestOptions = pageSize
		? { ...options, qs: { ...options.qs, [pageSize.parameter]: size() } }
		: options;
	const seen = new Set<string>();
	for (;;) {
		const answer = await sendRequest(context, service, request, { itemIndex });
		const page = rules.readPage(answer);
		yield page;
		if (page.next === undefined || page.objects.length === 0) return;
		const baseUrl = await baseUrlOf(context, service);
		let path = nextPagePath(context, service, page.next, { baseUrl, path: request.url }, itemIndex);
		if (pageSize) path = withQueryValue(path, pageSize.parameter, size());
		// A server that names a page again would keep the loop going for ever.
		if (seen.has(path)) {
			throw new NodeApiError(context.getNode(), { next: page.next } as JsonObject, {
				message: `${service.name} named the same next page twice`,
				description: 'The list does not advance; the node stops instead of reading it for ever.',
				itemIndex,
			});
		}
		seen.add(path);
		request = { ...options, url: path, qs: {} };
	}
}

/** Every object of a list, or the first `limit`: a Limit never costs a request more than it needs. */
export async function collectList(
	context: RequestContext,
	service: ServiceDefinition,
	options: IHttpRequestOptions,
	{ limit, ...list }: Omit<ListOptions, 'remaining'> & { limit?: number },
): Promise<IDataObject[]> {
	const objects: IDataObject[] = [];
	const remaining = () => (limit === undefined ? undefined : limit - objects.length);
	for await (const page of readPages(context, service, options, { ...list, remaining })) {
		objects.push(...page.objects);
		if (limit !== undefined && objects.length >= limit) return objects.slice(0, limit);
	}
	return objects;
}

/** Every object of a list (or the first `limit`) for dropdowns, searches and triggers: GET `url` with `qs`. */
export async function listObjects(
	context: RequestContext,
	service: ServiceDefinition,
	url: string,
	{ qs = {}, limit, rules }: { qs?: IDataObject; limit?: number; rules?: Partial<ListRules> } = {},
): Promise<IDataObject[]> {
	const options: IHttpRequestOptions = { method: 'GET', url, qs, json: true };
	return await collectList(context, service, options, { rules: { ...service.lists, ...rules }, limit });
}
