import type { IDataObject, IHttpRequestOptions, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { advance, byUpdate, changedTickets, firstPage, isAfter, type Instant, type ListedTicket } from './changes';
import type { TicketEvent } from './description';
import { ticketItem } from './items';

/**
 * At most this many changed tickets are handled per poll, oldest change
 * first; the rest come on the next poll (the cursor stops at the last one
 * handled). It bounds one execution, not the reading: the pages are read down
 * to the cursor on every poll, so a backlog costs one request per 20 changed
 * tickets per poll until it is delivered.
 */
export const MAX_TICKETS_PER_POLL = 500;

/** What the trigger keeps in the workflow's static data (persisted by n8n, so queue mode and restarts keep it). */
interface TriggerState {
	/** The list the cursor belongs to (its path: the product); another product starts afresh. */
	list: string;
	/** The newest change handled. */
	cursor: Instant;
	/**
	 * While a backlog takes several polls: the cursor it started from (tickets
	 * created after it are new) and the new tickets already handled, so none is
	 * reported new twice.
	 */
	backlog?: { newAfter: Instant; announced: number[] };
}

export interface PollSettings {
	request: IHttpRequestOptions;
	events: TicketEvent[];
	timeZone: string;
}

/** Static data objects whose poll is still running (n8n starts the next poll on time, whether or not the last one ended). */
const running = new WeakSet<IDataObject>();

function stateOf(data: IDataObject): TriggerState | undefined {
	return data.tickets as TriggerState | undefined;
}

/** A first run starts from now: the newest change of the whole product list, whatever the filters. */
async function startFromNow(context: IPollFunctions, request: IHttpRequestOptions): Promise<TriggerState> {
	const newest = await changedTickets(context, { ...request, qs: {} });
	const cursor = { updatedAt: newest[0]?.updatedAt ?? '', ids: newest.map((ticket) => ticket.id) };
	return { list: request.url, cursor };
}

function eventOf(ticket: ListedTicket, newAfter: Instant, announced: Set<number>): TicketEvent {
	return isAfter(ticket.createdAt, ticket.id, newAfter) && !announced.has(ticket.id) ? 'newTicket' : 'updatedTicket';
}

/**
 * One poll in trigger mode: the changes after the cursor, oldest first, at
 * most MAX_TICKETS_PER_POLL of them; the cursor moves past them only after
 * everything was read (a failed request leaves it where it was).
 */
export async function pollChanges(context: IPollFunctions, settings: PollSettings): Promise<INodeExecutionData[][] | null> {
	const data = context.getWorkflowStaticData('node');
	// An overlapping poll would read the same cursor and deliver the same tickets again.
	if (running.has(data)) return null;
	running.add(data);
	try {
		const state = stateOf(data);
		if (state?.list !== settings.request.url) {
			data.tickets = (await startFromNow(context, settings.request)) as unknown as IDataObject;
			return null;
		}
		const changed = (await changedTickets(context, settings.request, state.cursor)).sort(byUpdate);
		if (changed.length === 0) return null;
		const batch = changed.slice(0, MAX_TICKETS_PER_POLL);
		const more = changed.length > batch.length;
		const newAfter = state.backlog?.newAfter ?? state.cursor;
		const announced = new Set(state.backlog?.announced ?? []);
		const items: INodeExecutionData[] = [];
		for (const ticket of batch) {
			const event = eventOf(ticket, newAfter, announced);
			if (event === 'newTicket') announced.add(ticket.id);
			if (settings.events.includes(event)) items.push(ticketItem(event, ticket, settings.timeZone));
		}
		const next: TriggerState = { list: state.list, cursor: advance(state.cursor, batch) };
		if (more) next.backlog = { newAfter, announced: [...announced] };
		data.tickets = next as unknown as IDataObject;
		return items.length > 0 ? [items] : null;
	} finally {
		running.delete(data);
	}
}

/**
 * A manual run ("Fetch Test Event"): the most recent ticket of each chosen
 * event on the first page of the list, one request, the cursor untouched. A
 * ticket whose created_at equals its updated_at counts as new here.
 */
export async function sampleTickets(context: IPollFunctions, settings: PollSettings): Promise<INodeExecutionData[][] | null> {
	const newestFirst = await firstPage(context, settings.request);
	const items: INodeExecutionData[] = [];
	for (const event of settings.events) {
		const ticket = newestFirst.find((each) => (each.createdAt === each.updatedAt) === (event === 'newTicket'));
		if (ticket) items.push(ticketItem(event, ticket, settings.timeZone));
	}
	return items.length > 0 ? [items] : null;
}
