import type {
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { nextPagePath, readPages } from '../../shared/pages';
import { baseUrlOf } from '../../shared/send';
import { sendbirdDeskService } from '../shared/service';

/** One page of a search list: enough to pick from; "load more" asks for the next. */
const PAGE_SIZE = 100;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.toLowerCase();
	return texts.some((text) => String(text ?? '').toLowerCase().includes(wanted));
}

/**
 * One page of a Sendbird list per call: the first, or the one n8n's
 * `paginationToken` names (the next page's path below the base URL, as the
 * door's one next-page rule gives it). Typing a search never reads every page.
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	url: string,
	{ qs = {}, paginationToken }: { qs?: IDataObject; paginationToken?: string },
	toItem: (object: IDataObject) => INodeListSearchItems | undefined,
): Promise<INodeListSearchResult> {
	// A token only ever names a page of the same list.
	const next = paginationToken !== undefined && paginationToken.startsWith(`${url}?`);
	const options: IHttpRequestOptions = next
		? { method: 'GET', url: paginationToken, json: true }
		: { method: 'GET', url, qs: { ...qs, limit: PAGE_SIZE }, json: true };
	const rules = { readPage: sendbirdDeskService.lists.readPage };
	for await (const page of readPages(context, sendbirdDeskService, options, { rules })) {
		const results = page.objects.map(toItem).filter((item): item is INodeListSearchItems => item !== undefined);
		if (page.next === undefined) return { results };
		const baseUrl = await baseUrlOf(context, sendbirdDeskService);
		return { results, paginationToken: nextPagePath(context, sendbirdDeskService, page.next, { baseUrl, path: options.url }) };
	}
	return { results: [] };
}

/** Tickets, searched by Sendbird (`q`: channel name or customer). */
export async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs = filter?.trim() ? { q: filter.trim() } : {};
	return await searchPage(this, '/tickets', { qs, paginationToken }, (ticket) => ({
		name: `#${String(ticket.id)} ${String(ticket.channelName ?? '')}`.trim(),
		value: String(ticket.id),
	}));
}

/** Customers whose name, Sendbird user ID or Desk ID contains the search, page by page. */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/customers', { paginationToken }, (customer) =>
		matches(filter, customer.displayName, customer.sendbirdId, customer.id)
			? { name: `${String(customer.displayName ?? customer.sendbirdId)} (${String(customer.sendbirdId)})`, value: String(customer.id) }
			: undefined,
	);
}

/** Agents whose name, email or ID contains the search. */
export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/agents', { paginationToken }, (agent) =>
		matches(filter, agent.displayName, agent.email, agent.id)
			? { name: `${String(agent.displayName)} (${String(agent.email ?? agent.sendbirdId)})`, value: String(agent.id) }
			: undefined,
	);
}

/** Agent groups (teams) whose name, key or ID contains the search. */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/groups', { paginationToken }, (group) =>
		matches(filter, group.name, group.key, group.id) ? { name: String(group.name ?? group.key), value: String(group.id) } : undefined,
	);
}
