import { NodeApiError, type IDataObject, type IHttpRequestOptions, type JsonObject } from 'n8n-workflow';

import { desk360Service } from '../Desk360/shared/service';
import { readPages } from '../shared/pages';
import type { RequestContext } from '../shared/service';

/** A ticket of the list with the values the trigger orders and classifies it by. */
export interface ListedTicket {
	id: number;
	updatedAt: string;
	/** '' when Desk360 gave no readable created_at. */
	createdAt: string;
	data: IDataObject;
}

const DESK360_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/;

/** Desk360's timestamp as "YYYY-MM-DD HH:mm:ss" (the form that sorts like time), or '' when it is none. */
function timestampOf(value: unknown): string {
	const match = DESK360_TIME.exec(String(value ?? '').trim());
	return match ? `${match[1]} ${match[2]}` : '';
}

/** A listed ticket, or an error: without its ID and updated_at the trigger cannot place it in time. */
function listedTicket(context: RequestContext, data: IDataObject): ListedTicket {
	const id = Number(data.id);
	const updatedAt = timestampOf(data.updated_at);
	if (!Number.isSafeInteger(id) || id <= 0 || updatedAt === '') {
		throw new NodeApiError(context.getNode(), { id: data.id ?? null, updated_at: data.updated_at ?? null } as JsonObject, {
			message: 'Desk360 listed a ticket without an ID or a readable updated_at',
			description: `The trigger orders tickets by their updated_at ("YYYY-MM-DD HH:mm:ss") and their ID; it found ID ${JSON.stringify(data.id ?? null)} and updated_at ${JSON.stringify(data.updated_at ?? null)}, so it stops here instead of skipping the ticket. The cursor did not move.`,
		});
	}
	return { id, updatedAt, createdAt: timestampOf(data.created_at), data };
}

/**
 * The places of the list from its top down to `horizon`, in list order (the
 * newest update first, Desk360's default): pages are read until one holds a
 * ticket older than the horizon, or the list ends, so with nothing new that
 * is one request. Only the places at or after the horizon are kept. Without a
 * horizon, down to the newest second (where a first run starts).
 */
export async function readDownTo(context: RequestContext, request: IHttpRequestOptions, horizon?: string): Promise<ListedTicket[]> {
	const places: ListedTicket[] = [];
	let floor = horizon;
	for await (const page of readPages(context, desk360Service, request, { rules: desk360Service.lists })) {
		const tickets = page.objects.map((object) => listedTicket(context, object));
		floor ??= tickets[0]?.updatedAt;
		places.push(...tickets.filter((ticket) => ticket.updatedAt >= floor!));
		if (tickets.some((ticket) => ticket.updatedAt < floor!)) break;
	}
	return places;
}

/** Each ticket of the read once, in its latest listed state, if it is a change: oldest change first (the ID settles equal seconds). */
export function latestChanges(read: ListedTicket[], isChange: (ticket: ListedTicket) => boolean): ListedTicket[] {
	const latest = new Map<number, ListedTicket>();
	for (const ticket of read) {
		const known = latest.get(ticket.id);
		if (!known || known.updatedAt < ticket.updatedAt) latest.set(ticket.id, ticket);
	}
	return [...latest.values()]
		.filter(isChange)
		.sort((a, b) => (a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? -1 : 1) : a.id - b.id));
}

/** The tickets of the list's first page (one request), newest update first. */
export async function firstPage(context: RequestContext, request: IHttpRequestOptions): Promise<ListedTicket[]> {
	for await (const page of readPages(context, desk360Service, request, { rules: desk360Service.lists })) {
		return page.objects.map((object) => listedTicket(context, object));
	}
	return [];
}
