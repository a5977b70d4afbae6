import fc from 'fast-check';

import { resetDesk360State } from '../desk360/fixtures';
import { pollUntilIdle, publishedTrigger, second, TicketStore } from './fixtures';

/**
 * Random interleavings of ticket changes and page reads: tickets are created
 * and changed (resolved, reopened, replied to) before polls and between the
 * page requests of a poll, often several in one second, and the server lists
 * tickets of one second in another order on every request. Whatever happens,
 * the trigger (filtered on Waiting) delivers each change at most once, never
 * an unchanged ticket, and in the end the latest state of every Waiting
 * ticket that changed.
 */

const RUNS = Number(process.env.INTERLEAVINGS_RUNS ?? 30);

/** One change of the product; `tick`: whether the clock moves on a second before it (one change in 4: many share a second). */
const changeArb = fc.record({
	kind: fc.constantFrom('create', 'reply', 'resolve', 'reopen'),
	pick: fc.nat(),
	tick: fc.nat({ max: 3 }).map((draw) => draw === 0),
});
type Change = { kind: 'create' | 'reply' | 'resolve' | 'reopen'; pick: number; tick: boolean };

const pollArb = fc.record({
	before: fc.array(changeArb, { maxLength: 80, size: 'max' }),
	/** Changes just before page 2, 3, ... of the poll is answered. */
	during: fc.array(fc.array(changeArb, { maxLength: 4, size: 'max' }), { maxLength: 3, size: 'max' }),
});

const scenarioArb = fc.record({ shuffleSeed: fc.integer(), polls: fc.array(pollArb, { minLength: 1, maxLength: 5 }) });

describe('Desk360 Ticket Trigger › random interleavings of changes and page reads', () => {
	it('delivers each change at most once, nothing unchanged, and finally the latest state of every changed ticket that matches', async () => {
		await fc.assert(
			fc.asyncProperty(scenarioArb, async ({ shuffleSeed, polls }) => {
				resetDesk360State();
				const store = new TicketStore({ shuffleSeed });
				store.createMany(60, 0);
				const trigger = await publishedTrigger(store, { filters: { status: 2 } });
				const oldTickets = new Map([...store.tickets.values()].map((ticket) => [ticket.id, ticket.updated_at]));
				let clock = 100;
				const apply = ({ kind, pick, tick }: Change) => {
					if (tick) clock++;
					if (kind === 'create') return store.create(second(clock), { status: pick % 3 === 0 ? 1 : 2 });
					const id = (pick % store.tickets.size) + 1;
					const fields = kind === 'resolve' ? { status: 1 } : kind === 'reopen' ? { status: 2 } : { last_message: `Reply ${clock}` };
					return store.update(id, second(clock), fields);
				};

				const items: Array<{ json: Record<string, unknown> }> = [];
				for (const { before, during } of polls) {
					before.forEach(apply);
					store.beforeAnswer = ({ page }) => during[Number(page ?? 1) - 2]?.forEach(apply);
					const { items: delivered, error } = await trigger.poll();
					expect(error).toBeUndefined();
					items.push(...(delivered ?? []));
					store.takeRequests();
					clock++;
				}
				store.beforeAnswer = undefined;
				const rest: typeof items = [];
				await pollUntilIdle(store, async () => {
					const outcome = await trigger.poll();
					rest.push(...(outcome.items ?? []));
					return { outcome, persisted: trigger.persisted() };
				});
				items.push(...rest);

				const byTicket = new Map<number, Array<{ event: unknown; updatedAt: string; status: unknown }>>();
				for (const { json } of items) {
					const list = byTicket.get(Number(json.id)) ?? [];
					list.push({ event: json.event, updatedAt: String(json.updated_at), status: json.status });
					byTicket.set(Number(json.id), list);
				}
				for (const ticket of store.tickets.values()) {
					const delivered = byTicket.get(ticket.id) ?? [];
					const isOld = oldTickets.has(ticket.id);
					const changed = !isOld || oldTickets.get(ticket.id) !== ticket.updated_at;
					// Only Waiting tickets, each change once, oldest first.
					expect(delivered.every((each) => each.status === 2)).toBe(true);
					const times = delivered.map((each) => each.updatedAt);
					expect(times).toEqual([...new Set(times)].sort());
					if (!changed) expect(delivered).toEqual([]);
					if (changed && ticket.status === 2) expect(times.at(-1)).toBe(ticket.updated_at);
					// New: once at most, first, and only for tickets created after publishing.
					const news = delivered.filter((each) => each.event === 'newTicket');
					expect(news.length).toBeLessThanOrEqual(isOld ? 0 : 1);
					if (news.length === 1) expect(delivered[0].event).toBe('newTicket');
				}
			}),
			// Each run drives n8n's engine through many polls: a failure is reported as found, not shrunk.
			{ numRuns: RUNS, seed: Number(process.env.INTERLEAVINGS_SEED ?? 20261121), endOnFailure: true },
		);
	}, 300_000);
});
