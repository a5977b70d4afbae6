import { NodeOperationError, type IDataObject, type IHttpRequestOptions, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

/*
 * How a poll finds every change once. Desk360 lists a product's tickets
 * newest update first, 20 a page by page number, with whole-second
 * updated_at, and cannot be asked for "changed since"; while the pages are
 * read one request at a time the list moves under the reader:
 * - a ticket that stops matching a filtered list moves every later ticket up a
 *   place, so one slips onto a page already read. Polls read the product's
 *   whole list instead, where a change only moves a ticket to the top (the
 *   others move down: at worst one is listed twice), and filter here;
 * - tickets of one second can come in another order on every request (a
 *   database ordering by updated_at alone), so one can be missed at a page
 *   boundary, even in a second bigger than a page.
 * So the state is a horizon (every change up to that second was handled) and
 * the tickets handled from it on, by ID and updated_at. Each poll reads down
 * past the horizon (one request when little changed), delivers each ticket
 * listed in a state not handled yet, oldest change first, and moves the
 * horizon up only through seconds its read proves complete (settle.ts). A
 * second it cannot prove is read again by the next polls: a ticket missed
 * there comes then, a handled one never twice. The state changes only when a
 * poll read everything (a failed request leaves it as it was), and n8n keeps
 * it in the workflow's static data, across restarts and in queue mode.
 */

import { firstPage, latestChanges, readDownTo, type ListedTicket } from './changes';
import type { TicketEvent } from './description';
import { ticketFilter } from './filters';
import { ticketItem } from './items';
import { handledOf, isHandled, type Handled, type Instant } from './memory';
import { settle, type Memory } from './settle';

/**
 * At most this many tickets are delivered per poll, oldest change first; the
 * rest come on the next poll. It bounds one execution, not the reading: the
 * pages are read down to the horizon on every poll, so a backlog costs one
 * request per 20 changed tickets per poll until it is delivered.
 */
export const MAX_TICKETS_PER_POLL = 500;

/**
 * At most about this many handled tickets are remembered after the horizon
 * (the static data is stored with the workflow). Only a second that stays
 * unproven while this many changes come after it reaches the bound; the
 * horizon then moves past it.
 */
export const MAX_REMEMBERED = 2000;

/** What the trigger keeps in the workflow's static data. */
interface TriggerState {
	/** The list the state belongs to (its path: the product); another product starts afresh. */
	list: string;
	/** The horizon: every change up to its second was handled; the IDs handled at that second. */
	cursor: Instant;
	/** The tickets handled after the horizon's second, by second, oldest first. */
	ahead?: Instant[];
	/** Seconds whose handled tickets filled their places in the last read (see settle.ts). */
	counted?: string[];
	/**
	 * The remembered tickets that did not match the filters when handled: one
	 * that matches later in that same second changed all the same (its
	 * updated_at cannot show it).
	 */
	unmatched?: number[];
	/**
	 * While a backlog takes several polls: the horizon it started from
	 * (tickets created after it are new) and the new tickets already handled,
	 * so none is reported new twice.
	 */
	backlog?: { newAfter: Instant; announced: number[] };
}

export interface PollSettings {
	/** The product's ticket list, with the filters as its query. */
	request: IHttpRequestOptions;
	events: TicketEvent[];
	timeZone: string;
}

/** Static data objects whose poll is still running (n8n starts the next poll on time, whether or not the last one ended). */
const running = new WeakSet<IDataObject>();

function stateOf(data: IDataObject): TriggerState | undefined {
	return data.tickets as TriggerState | undefined;
}

/** The product's whole list: the filters are applied to its tickets here. */
function wholeList(request: IHttpRequestOptions): IHttpRequestOptions {
	return { ...request, qs: {} };
}

/** A first run starts from now: the newest change of the product's list. */
async function startFromNow(context: IPollFunctions, request: IHttpRequestOptions): Promise<TriggerState> {
	const newest = await readDownTo(context, wholeList(request));
	return { list: request.url, cursor: { updatedAt: newest[0]?.updatedAt ?? '', ids: [...new Set(newest.map((ticket) => ticket.id))] } };
}

function isAfter(at: string, id: number, instant: Instant): boolean {
	return at > instant.updatedAt || (at === instant.updatedAt && !instant.ids.includes(id));
}

/** New: created after the point the trigger last caught up, and never handled before. */
function eventOf(ticket: ListedTicket, handled: Handled, newAfter: Instant, announced: Set<number>): TicketEvent {
	const isNew = !handled.has(ticket.id) && !announced.has(ticket.id) && isAfter(ticket.createdAt, ticket.id, newAfter);
	return isNew ? 'newTicket' : 'updatedTicket';
}

function stateFrom(list: string, { cursor, ahead, counted }: Memory, unmatched: Set<number>, backlog?: TriggerState['backlog']): TriggerState {
	const state: TriggerState = { list, cursor };
	if (ahead.length > 0) state.ahead = ahead;
	if (counted.length > 0) state.counted = counted;
	const remembered = new Set([cursor, ...ahead].flatMap((instant) => instant.ids));
	const stillUnmatched = [...unmatched].filter((id) => remembered.has(id)).sort((a, b) => a - b);
	if (stillUnmatched.length > 0) state.unmatched = stillUnmatched;
	if (backlog) state.backlog = backlog;
	return state;
}

/** One poll in trigger mode (see the comment at the top). */
export async function pollChanges(context: IPollFunctions, settings: PollSettings): Promise<INodeExecutionData[][] | null> {
	const data = context.getWorkflowStaticData('node');
	// An overlapping poll would read the same state and deliver the same tickets again.
	if (running.has(data)) return null;
	running.add(data);
	try {
		const state = stateOf(data);
		if (state?.list !== settings.request.url) {
			data.tickets = (await startFromNow(context, settings.request)) as unknown as IDataObject;
			return null;
		}
		const horizon = state.cursor.updatedAt;
		const read = await readDownTo(context, wholeList(settings.request), horizon);
		const before = handledOf(state.cursor, state.ahead);
		const after: Handled = new Map(before);
		const newAfter = state.backlog?.newAfter ?? state.cursor;
		const announced = new Set(state.backlog?.announced ?? []);
		const matches = ticketFilter(settings.request.qs ?? {});
		const unmatched = new Set(state.unmatched ?? []);
		// A ticket handled while it did not match may match later in that same second: a change all the same.
		const isChange = (ticket: ListedTicket) =>
			!isHandled(before, ticket.id, ticket.updatedAt) || (unmatched.has(ticket.id) && matches(ticket.data));
		const items: INodeExecutionData[] = [];
		let leftFrom: string | undefined;
		for (const ticket of latestChanges(read, isChange)) {
			if (items.length === MAX_TICKETS_PER_POLL) {
				leftFrom = ticket.updatedAt;
				break;
			}
			after.set(ticket.id, ticket.updatedAt);
			const event = eventOf(ticket, before, newAfter, announced);
			if (event === 'newTicket') announced.add(ticket.id);
			if (!matches(ticket.data)) {
				unmatched.add(ticket.id);
				continue;
			}
			unmatched.delete(ticket.id);
			if (settings.events.includes(event)) items.push(ticketItem(event, ticket, settings.timeZone));
		}
		const memory = settle(horizon, read, { before, after }, new Set(state.counted), { limit: leftFrom, max: MAX_REMEMBERED });
		const backlog = leftFrom === undefined ? undefined : { newAfter, announced: [...announced] };
		data.tickets = stateFrom(state.list, memory, unmatched, backlog) as unknown as IDataObject;
		return items.length > 0 ? [items] : null;
	} finally {
		running.delete(data);
	}
}

/**
 * A manual run ("Fetch Test Event"): a ticket of the first page of the list
 * for each chosen event, one request, the state untouched. New Ticket shows a
 * ticket never updated since its creation when the page has one, else the
 * most recently created; Updated Ticket the most recently updated. Only an
 * empty list gives nothing, and then says why (n8n would show "No trigger
 * output" and no reason).
 */
export async function sampleTickets(context: IPollFunctions, settings: PollSettings): Promise<INodeExecutionData[][] | null> {
	const newestFirst = await firstPage(context, settings.request);
	if (newestFirst.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No ticket to show: Desk360 lists no ticket of this product that matches the Filters', {
			description: 'Create a ticket in Desk360 (or remove Filters), then Fetch Test Event again. Once published, the trigger starts the workflow for tickets created or updated from then on.',
		});
	}
	const newest = [...newestFirst].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
	const samples: Record<TicketEvent, ListedTicket> = {
		newTicket: newestFirst.find((ticket) => ticket.createdAt === ticket.updatedAt) ?? newest,
		updatedTicket: newestFirst.find((ticket) => ticket.createdAt !== ticket.updatedAt) ?? newestFirst[0],
	};
	return [settings.events.map((event) => ticketItem(event, samples[event], settings.timeZone))];
}
