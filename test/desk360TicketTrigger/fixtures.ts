import { Desk360Api } from '../../credentials/Desk360Api.credentials';
import { Desk360TicketTrigger } from '../../nodes/Desk360TicketTrigger/Desk360TicketTrigger.node';
import { BASE_URL, desk360Api, product, tokenCredentials } from '../desk360/fixtures';
import type { NodeHarness } from '../helpers/n8n';
import { activateTrigger, type PollSetup } from '../helpers/poll';
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

	private nextId = 1;

	/** `limiter`: the account's rate limit (see limitedApi), which every list request counts against. */
	constructor(private readonly limiter?: RateLimiter) {
		desk360Api()
			.persist()
			.get(LIST_PATH)
			.query(true)
			.reply((uri) => {
				const query = Object.fromEntries(new URL(uri, BASE_URL).searchParams);
				this.requests.push(query);
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

	private page(query: Record<string, string>): [number, object, Record<string, string>] {
		const direction = query.order === 'asc' ? 1 : -1;
		const listed = [...this.tickets.values()]
			.filter((ticket) => EQUAL_FILTERS.every((key) => query[key] === undefined || ticket[key] === Number(query[key])))
			.filter((ticket) => query.platform === undefined || ticket.platform.toLowerCase() === query.platform.toLowerCase())
			.sort((a, b) => direction * (a.updated_at.localeCompare(b.updated_at) || a.id - b.id));
		const page = Number(query.page ?? 1);
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
