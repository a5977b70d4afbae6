import type {
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { withHintInMessage } from './editorError';
import { nextPagePath, readPages } from './pages';
import { baseUrlOf } from './send';
import type { ServiceDefinition } from './service';

/** Whether any of `texts` contains the search (case-insensitive); no search matches all. */
export function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.toLowerCase();
	return texts.some((text) => String(text ?? '').toLowerCase().includes(wanted));
}

/**
 * One page of a list per call, for a resource locator's search: the first
 * page, or the one n8n's `paginationToken` names (the next page's path below
 * the base URL, by the door's one next-page rule). Typing a search never reads
 * every page; scrolling to the end of the list asks for the next one.
 * `toItem` turns an object into an entry, or undefined to leave it out.
 */
export async function searchPage(
	...args: Parameters<typeof readSearchPage>
): Promise<INodeListSearchResult> {
	return await withHintInMessage(readSearchPage(...args));
}

async function readSearchPage(
	context: ILoadOptionsFunctions,
	service: ServiceDefinition,
	url: string,
	{ qs = {}, paginationToken }: { qs?: IDataObject; paginationToken?: string },
	toItem: (object: IDataObject) => INodeListSearchItems | undefined,
): Promise<INodeListSearchResult> {
	// A token only ever names a page of the same list.
	const next = paginationToken !== undefined && paginationToken.startsWith(`${url}?`);
	const options: IHttpRequestOptions = next
		? { method: 'GET', url: paginationToken, json: true }
		: { method: 'GET', url, qs, json: true };
	const rules = { readPage: service.lists.readPage };
	for await (const page of readPages(context, service, options, { rules })) {
		const results = page.objects.map(toItem).filter((item): item is INodeListSearchItems => item !== undefined);
		if (page.next === undefined) return { results };
		const baseUrl = await baseUrlOf(context, service);
		return { results, paginationToken: nextPagePath(context, service, page.next, { baseUrl, path: options.url }) };
	}
	return { results: [] };
}
