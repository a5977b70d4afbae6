import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matches, searchPage } from '../../shared/listSearch';
import { desk360Url } from '../shared/pathIds';
import { desk360Service } from '../shared/service';

/** Products whose name or ID contains the search, one page (20) per call. */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, desk360Service, '/v1/products', { paginationToken }, (product) =>
		matches(filter, product.name, product.id) ? { name: String(product.name), value: String(product.id) } : undefined,
	);
}

/** Agents whose name, email or ID contains the search, one page per call. */
export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, desk360Service, '/v1/agents', { paginationToken }, (agent) =>
		matches(filter, agent.name, agent.email, agent.id)
			? { name: `${String(agent.name)} (${String(agent.email)})`, value: String(agent.id) }
			: undefined,
	);
}

/** The agents, after "Unassigned" (agent 0: Desk360's value for tickets nobody is assigned to) on the first page. */
export async function searchAgentsOrUnassigned(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await searchAgents.call(this, filter, paginationToken);
	const unassigned = paginationToken === undefined && matches(filter, 'Unassigned', '0') ? [{ name: 'Unassigned', value: '0' }] : [];
	return { ...page, results: [...unassigned, ...page.results] };
}

/** Desk360's ticket search: a number searches IDs, an address emails, anything else subjects. */
function ticketSearchQuery(filter: string | undefined): IDataObject {
	const text = filter?.trim();
	if (!text) return {};
	if (/^\d+$/.test(text)) return { id: text };
	if (text.includes('@')) return { email: text };
	return { subject: text };
}

/** The product's tickets matching the search, one page (20) per call. */
export async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const product = this.getCurrentNodeParameter('product', { extractValue: true });
	if (!product) return { results: [] };
	const url = desk360Url(this, '/v1/products/:productId/tickets', { product });
	return await searchPage(this, desk360Service, url, { qs: ticketSearchQuery(filter), paginationToken }, (ticket) => ({
		name: `#${String(ticket.id)} ${String(ticket.subject ?? ticket.last_message ?? '')} (${String(ticket.name ?? ticket.email ?? 'unknown customer')})`,
		value: String(ticket.id),
	}));
}
