import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { matches, searchPage as sharedSearchPage } from '../../shared/listSearch';
import { sendbirdDeskService } from '../shared/service';

/** One page of a search list: enough to pick from; "load more" asks for the next. */
const PAGE_SIZE = 100;

/** One page of a Sendbird list per call (see searchPage in nodes/shared/listSearch.ts). */
async function searchPage(
	context: ILoadOptionsFunctions,
	url: string,
	{ qs = {}, paginationToken }: { qs?: IDataObject; paginationToken?: string },
	toItem: (object: IDataObject) => INodeListSearchItems | undefined,
): Promise<INodeListSearchResult> {
	return await sharedSearchPage(context, sendbirdDeskService, url, { qs: { ...qs, limit: PAGE_SIZE }, paginationToken }, toItem);
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
