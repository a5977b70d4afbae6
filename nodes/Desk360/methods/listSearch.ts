import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { listObjects } from '../../shared/pages';
import { desk360Url } from '../shared/pathIds';
import { desk360Service } from '../shared/service';

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.toLowerCase();
	return texts.some((text) => String(text ?? '').toLowerCase().includes(wanted));
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const products = await listObjects(this, desk360Service, '/v1/products');
	return {
		results: products
			.filter((product) => matches(filter, product.name, product.id))
			.map((product) => ({ name: String(product.name), value: String(product.id) })),
	};
}

export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const agents = await listObjects(this, desk360Service, '/v1/agents');
	return {
		results: agents
			.filter((agent) => matches(filter, agent.name, agent.email, agent.id))
			.map((agent) => ({ name: `${agent.name} (${agent.email})`, value: String(agent.id) })),
	};
}

/** The agents, after "Unassigned" (agent 0: Desk360's value for tickets nobody is assigned to). */
export async function searchAgentsOrUnassigned(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { results } = await searchAgents.call(this, filter);
	const unassigned = matches(filter, 'Unassigned', '0') ? [{ name: 'Unassigned', value: '0' }] : [];
	return { results: [...unassigned, ...results] };
}

/** Desk360's ticket search: a number searches IDs, an address emails, anything else subjects. */
function ticketSearchQuery(filter: string | undefined): IDataObject {
	const text = filter?.trim();
	if (!text) return {};
	if (/^\d+$/.test(text)) return { id: text };
	if (text.includes('@')) return { email: text };
	return { subject: text };
}

export async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const product = this.getCurrentNodeParameter('product', { extractValue: true });
	if (!product) return { results: [] };
	// One page of 20 matches is enough to pick from; the search narrows it further.
	const url = desk360Url(this, '/v1/products/:productId/tickets', { product });
	const tickets = await listObjects(this, desk360Service, url, { qs: ticketSearchQuery(filter), limit: 20 });
	const results: INodeListSearchItems[] = tickets.map((ticket) => ({
		name: `#${ticket.id} ${ticket.subject ?? ticket.last_message ?? ''} (${ticket.name ?? ticket.email ?? 'unknown customer'})`,
		value: String(ticket.id),
	}));
	return { results };
}
