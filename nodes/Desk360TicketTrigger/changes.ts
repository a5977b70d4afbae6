import { NodeApiError, type IDataObject, type IHttpRequestOptions, type JsonObject } from 'n8n-workflow';

import { desk360Service } from '../Desk360/shared/service';
import { readPages } from '../shared/pages';
import type { RequestContext } from '../shared/service';

/**
 * A point in Desk360's ticket list: an `updated_at` second (Desk360's own
 * text, compared as text: "YYYY-MM-DD HH:mm:ss" sorts like time) and the IDs
 * of the tickets already seen at that second. Timestamps have whole seconds,
 * so the IDs tell a ticket seen at the cursor's second from one changed later
 * in the same second.
 */
export interface Instant {
	updatedAt: string;
	ids: number[];
}

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

/** Whether `at` (a timestamp of ticket `id`) comes after the instant: a later second, or its second unseen. */
export function isAfter(at: string, id: number, instant: Instant): boolean {
	return at > instant.updatedAt || (at === instant.updatedAt && !instant.ids.includes(id));
}

/** Oldest change first; the ID settles equal seconds, so the order is the same on every poll. */
export function byUpdate(a: ListedTicket, b: ListedTicket): number {
	if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? -1 : 1;
	return a.id - b.id;
}

/**
 * The tickets changed after `since`, each once with its latest state. Desk360
 * lists the newest update first, so the pages are read only until the first
 * ticket older than `since`: with nothing new that is one request. Without
 * `since`, the tickets of the newest second (where a first run starts).
 */
export async function changedTickets(
	context: RequestContext,
	request: IHttpRequestOptions,
	since?: Instant,
): Promise<ListedTicket[]> {
	const latest = new Map<number, ListedTicket>();
	let floor = since?.updatedAt;
	pages: for await (const page of readPages(context, desk360Service, request, { rules: desk360Service.lists })) {
		for (const object of page.objects) {
			const ticket = listedTicket(context, object);
			floor ??= ticket.updatedAt;
			if (ticket.updatedAt < floor) break pages;
			// A ticket updated while the pages are read can be listed twice: keep its latest state.
			const known = latest.get(ticket.id);
			if (!known || known.updatedAt <= ticket.updatedAt) latest.set(ticket.id, ticket);
		}
	}
	const tickets = [...latest.values()];
	return since ? tickets.filter((ticket) => isAfter(ticket.updatedAt, ticket.id, since)) : tickets;
}

/** The tickets of the list's first page (one request), newest update first. */
export async function firstPage(context: RequestContext, request: IHttpRequestOptions): Promise<ListedTicket[]> {
	for await (const page of readPages(context, desk360Service, request, { rules: desk360Service.lists })) {
		return page.objects.map((object) => listedTicket(context, object));
	}
	return [];
}

/** The instant after delivering `batch` (oldest first, not empty) from `cursor`. */
export function advance(cursor: Instant, batch: ListedTicket[]): Instant {
	const { updatedAt } = batch[batch.length - 1];
	const ids = batch.filter((ticket) => ticket.updatedAt === updatedAt).map((ticket) => ticket.id);
	return { updatedAt, ids: updatedAt === cursor.updatedAt ? [...new Set([...cursor.ids, ...ids])] : ids };
}
