import type { IDataObject } from 'n8n-workflow';

import { Desk360Api } from '../../credentials/Desk360Api.credentials';
import { Desk360TicketTrigger } from '../../nodes/Desk360TicketTrigger/Desk360TicketTrigger.node';
import { BASE_URL, desk360Api, product, tokenCredentials } from '../desk360/fixtures';
import type { NodeHarness } from '../helpers/n8n';
import { activateTrigger, type ActiveTrigger, type PollOutcome, type PollSetup } from '../helpers/poll';
import type { LimitedApi } from '../helpers/limitedApi';

/** An account's rate limit: how it answers one more request (see limitedApi). */
type RateLimiter = Pick<LimitedApi, 'handle'>;

export const ticketTrigger: NodeHarness = {
	nodeType: new Desk360TicketTrigger(),
	credentialTypes: { desk360Api: new Desk360Api() },
};

export const PRODUCT = 11;
export const LIST_PATH = `/v1/products/${PRODUCT}/tickets`;

const pad = (n: number) => String(n).padStart(2, '0');

/** Desk360's timestamp `seconds` after 2026-11-21 12:00:00 ("YYYY-MM-DD HH:mm:ss", no zone). */
export function second(seconds: number): string {
	const d = new Date(Date.UTC(2026, 10, 21, 12, 0, 0) + seconds * 1000);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export interface StoredTicket {
	id: number;
	name: string;
	status: number;
	priority: number;
	agent_id: number;
	reason_id: number;
	type_id: number;
	platform: string;
	last_message: string;
	created_at: string;
	updated_at: string;
}

/** The list filters Desk360 compares for equality, and the platform (any case). */
const EQUAL_FILTERS = ['status', 'priority', 'agent_id', 'reason_id', 'type_id'] as const;

/** A seeded random number generator (mulberry32): the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
	let state = seed | 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface StoreOptions {
	/** The account's rate limit (see limitedApi), which every list request counts against. */
	limiter?: RateLimiter;
	/**
	 * Tickets of one second come in another random order on every request,
	 * from this seed, as from a database that orders by updated_at alone
	 * (MySQL with LIMIT/OFFSET may). Without it (or `tieOrder`), the ID
	 * settles equal seconds.
	 */
	shuffleSeed?: number;
	/** The order of tickets of one second on the page asked for (1, 2, ...). */
	tieOrder?: (a: StoredTicket, b: StoredTicket, page: number) => number;
}

/**
 * One product's tickets as Desk360 keeps and lists them: creating or changing
 * a ticket sets its updated_at; the list (served through nock) is newest
 * update first (`order=asc` reverses it), filtered, 20 a page with a Link
 * header. Every request's query is recorded.
 */
export class TicketStore {
	readonly tickets = new Map<number, StoredTicket>();

	readonly requests: Array<Record<string, string>> = [];

	/** Answers for the next requests, one each: an error, or null for the list as usual. */
	readonly failures: Array<{ status: number; body: object; headers?: Record<string, string> } | null> = [];

	/** Runs before each list answer (once the request is recorded): tickets changed here change between page requests. */
	beforeAnswer?: (query: Record<string, string>) => void;

	private nextId = 1;

	private readonly limiter?: RateLimiter;

	private readonly shuffle?: () => number;

	private readonly tieOrder?: StoreOptions['tieOrder'];

	constructor({ limiter, shuffleSeed, tieOrder }: StoreOptions = {}) {
		this.limiter = limiter;
		this.tieOrder = tieOrder;
		if (shuffleSeed !== undefined) this.shuffle = seededRandom(shuffleSeed);
		desk360Api()
			.persist()
			.get(LIST_PATH)
			.query(true)
			.reply((uri) => {
				const query = Object.fromEntries(new URL(uri, BASE_URL).searchParams);
				this.requests.push(query);
				this.beforeAnswer?.(query);
				const verdict = this.limiter?.handle({ list: query });
				if (verdict?.[0] === 429) return verdict;
				const failure = this.failures.shift();
				if (failure) return [failure.status, failure.body, failure.headers ?? {}];
				const [status, body, headers] = this.page(query);
				return [status, body, { ...headers, ...verdict?.[2] }];
			});
	}

	create(at: string, fields: Partial<StoredTicket> = {}): StoredTicket {
		const ticket: StoredTicket = {
			id: this.nextId++,
			name: 'Jane Doe',
			status: 2,
			priority: 1,
			agent_id: 0,
			reason_id: 3,
			type_id: 1,
			platform: 'Android',
			last_message: 'Hello',
			created_at: at,
			updated_at: at,
			...fields,
		};
		this.tickets.set(ticket.id, ticket);
		return ticket;
	}

	/** Many tickets created one second apart from `start`. */
	createMany(count: number, start: number): StoredTicket[] {
		return Array.from({ length: count }, (_, index) => this.create(second(start + index)));
	}

	update(id: number, at: string, fields: Partial<StoredTicket> = {}): StoredTicket {
		const ticket = this.tickets.get(id)!;
		Object.assign(ticket, fields, { updated_at: at });
		return ticket;
	}

	/** How many list requests were sent since the last call. */
	takeRequests(): Array<Record<string, string>> {
		return this.requests.splice(0);
	}

	/** Newest update first (or oldest), tickets of one second as the options say. */
	private order(direction: number, page: number): (a: StoredTicket, b: StoredTicket) => number {
		const { shuffle, tieOrder } = this;
		const rank = shuffle && new Map([...this.tickets.keys()].map((id) => [id, shuffle()]));
		const ties = rank
			? (a: StoredTicket, b: StoredTicket) => rank.get(a.id)! - rank.get(b.id)!
			: tieOrder
				? (a: StoredTicket, b: StoredTicket) => tieOrder(a, b, page)
				: (a: StoredTicket, b: StoredTicket) => direction * (a.id - b.id);
		return (a, b) => direction * a.updated_at.localeCompare(b.updated_at) || ties(a, b);
	}

	private page(query: Record<string, string>): [number, object, Record<string, string>] {
		const direction = query.order === 'asc' ? 1 : -1;
		const page = Number(query.page ?? 1);
		const listed = [...this.tickets.values()]
			.filter((ticket) => EQUAL_FILTERS.every((key) => query[key] === undefined || ticket[key] === Number(query[key])))
			.filter((ticket) => query.platform === undefined || ticket.platform.toLowerCase() === query.platform.toLowerCase())
			.sort(this.order(direction, page));
		const headers: Record<string, string> = {};
		if (page * 20 < listed.length) {
			const next = new URL(LIST_PATH, BASE_URL);
			for (const [key, value] of Object.entries(query)) if (key !== 'page') next.searchParams.set(key, value);
			next.searchParams.set('page', String(page + 1));
			headers.Link = `<${next.href}>; rel=next`;
		}
		return [200, listed.slice((page - 1) * 20, page * 20).map((ticket) => ({ ...ticket })), headers];
	}
}

export function triggerSetup(parameters: Record<string, unknown> = {}, setup: Partial<PollSetup> = {}): PollSetup {
	return {
		parameters: { product: product(PRODUCT), events: ['newTicket', 'updatedTicket'], ...parameters },
		credentials: tokenCredentials,
		timezone: 'UTC',
		...setup,
	};
}

/** A published trigger over the store, activated (its first poll run). */
export async function publishedTrigger(store: TicketStore, parameters: Record<string, unknown> = {}, setup: Partial<PollSetup> = {}) {
	const trigger = activateTrigger(ticketTrigger, triggerSetup(parameters, setup));
	const activation = await trigger.activate();
	expect(activation).toEqual({});
	store.takeRequests();
	return trigger;
}

/** The (event, id) pairs of a poll's items. */
export function eventsOf(items: Array<{ json: Record<string, unknown> }> | undefined): Array<[unknown, unknown]> {
	return (items ?? []).map((item) => [item.json.event, item.json.id]);
}

/** Each delivered change as "ID@updated_at", in delivery order. */
export function changesIn(items: Array<{ json: Record<string, unknown> }> | undefined): string[] {
	return (items ?? []).map((item) => `${String(item.json.id)}@${String(item.json.updated_at)}`);
}

/** What polling until the trigger has nothing left to do delivered. */
export interface PollRun {
	/** Every change delivered, as "ID@updated_at", in delivery order. */
	delivered: string[];
	/** The list requests of each poll. */
	requests: number[];
}

/**
 * Polls until a poll delivers nothing and the trigger has nothing left to
 * read again (its static data holds no ticket after its horizon), at most
 * `maxPolls` times. `poll` runs one poll of the published trigger, or of a new
 * n8n process started from the saved static data.
 */
export async function pollUntilIdle(
	store: TicketStore,
	poll: () => Promise<{ outcome: PollOutcome; persisted: IDataObject }>,
	maxPolls = 40,
): Promise<PollRun> {
	const run: PollRun = { delivered: [], requests: [] };
	for (let count = 0; count < maxPolls; count++) {
		const { outcome, persisted } = await poll();
		expect(outcome.error).toBeUndefined();
		run.delivered.push(...changesIn(outcome.items));
		run.requests.push(store.takeRequests().length);
		const state = (persisted['node:Desk360 Ticket Trigger'] as IDataObject | undefined)?.tickets as IDataObject | undefined;
		if (!outcome.items && state?.ahead === undefined) return run;
	}
	throw new Error(`The trigger was still busy after ${maxPolls} polls (requests: ${run.requests.join(', ')})`);
}

/** One poll of a published trigger, for pollUntilIdle. */
export function pollOf(trigger: ActiveTrigger) {
	return async () => ({ outcome: await trigger.poll(), persisted: trigger.persisted() });
}

/** One poll in a new n8n process each time, started from the static data the last one saved (a restart before every poll). */
export function pollAfterRestart(first: ActiveTrigger, parameters: Record<string, unknown> = {}) {
	let saved = first.persisted();
	return async () => {
		const trigger = activateTrigger(ticketTrigger, triggerSetup(parameters, { staticData: saved }));
		const outcome = await trigger.activate();
		saved = trigger.persisted();
		return { outcome, persisted: saved };
	};
}
