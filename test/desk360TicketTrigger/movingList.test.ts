import { MAX_REMEMBERED } from '../../nodes/Desk360TicketTrigger/poll';
import { retryPolicy } from '../../nodes/shared/retry';
import { useVirtualClock } from '../helpers/clock';
import {
	changesIn,
	eventsOf,
	pollAfterRestart,
	pollOf,
	pollUntilIdle,
	publishedTrigger,
	second,
	TicketStore,
	type StoredTicket,
} from './fixtures';

/** A change as the trigger delivers it: "ID@updated_at". */
const change = (ticket: StoredTicket) => `${ticket.id}@${ticket.updated_at}`;

const sorted = (changes: string[]) => [...changes].sort();

/**
 * Changes whose seconds are shared at page boundaries, newest first in the
 * list: 19 single seconds (places 1–19), 2 tickets of one second (places 20
 * and 21: pages 1 and 2), 19 single seconds, then 30 tickets of one second
 * (places 41–70: pages 3 and 4). Tickets 1–70 change, from second `from` on.
 */
function changeAroundPageBoundaries(store: TicketStore, from: number): string[] {
	const changed: StoredTicket[] = [];
	for (let id = 1; id <= 30; id++) changed.push(store.update(id, second(from)));
	for (let id = 31; id <= 49; id++) changed.push(store.update(id, second(from + id - 30)));
	for (const id of [50, 51]) changed.push(store.update(id, second(from + 20)));
	for (let id = 52; id <= 70; id++) changed.push(store.update(id, second(from + id - 31)));
	return changed.map(change);
}

describe('Desk360 Ticket Trigger › tickets of one second in another order on every request', () => {
	const SEEDS = Array.from({ length: 50 }, (_, index) => index + 1);

	it.each(SEEDS)(
		'delivers every change exactly once (order %i of 50): 30 tickets in the newest second, ties at page boundaries, 30 across pages 3 and 4',
		async (seed) => {
			const store = new TicketStore({ shuffleSeed: seed });
			store.createMany(100, 0);
			const trigger = await publishedTrigger(store);

			// 30 tickets in the newest second: places 1–30, across pages 1 and 2.
			const newestSecond = Array.from({ length: 30 }, (_, index) => change(store.update(71 + index, second(1000))));
			expect(sorted((await pollUntilIdle(store, pollOf(trigger))).delivered)).toEqual(sorted(newestSecond));

			const atBoundaries = changeAroundPageBoundaries(store, 2000);
			expect(sorted((await pollUntilIdle(store, pollOf(trigger))).delivered)).toEqual(sorted(atBoundaries));

			// Nothing left to read again: an idle poll is one request.
			expect(await trigger.poll()).toEqual({});
			expect(store.takeRequests()).toEqual([{}]);
		},
	);

	it.each(SEEDS.slice(0, 10))('delivers every change exactly once when n8n restarts before every poll (order %i): the state is the static data', async (seed) => {
		const store = new TicketStore({ shuffleSeed: seed });
		store.createMany(100, 0);
		const trigger = await publishedTrigger(store);

		const changed = changeAroundPageBoundaries(store, 2000);

		expect(sorted((await pollUntilIdle(store, pollAfterRestart(trigger))).delivered)).toEqual(sorted(changed));
	});

	it.each(SEEDS.slice(0, 5))('delivers a backlog of 500 changes, 7 tickets a second, exactly once, then polls with one request (order %i)', async (seed) => {
		const store = new TicketStore({ shuffleSeed: seed });
		store.createMany(600, 0);
		const trigger = await publishedTrigger(store);

		const changed = Array.from({ length: 500 }, (_, index) => change(store.update(index + 1, second(1000 + Math.floor(index / 7)))));
		const { delivered, requests } = await pollUntilIdle(store, pollOf(trigger));

		expect(sorted(delivered)).toEqual(sorted(changed));
		// The first poll reads the 25 pages of changes and the one below them.
		expect(requests[0]).toBe(26);
		expect(await trigger.poll()).toEqual({});
		expect(store.takeRequests()).toEqual([{}]);
	});

	describe('a poll that fails half-way', () => {
		let clock: ReturnType<typeof useVirtualClock>;
		beforeEach(() => (clock = useVirtualClock()));
		afterEach(() => clock.restore());

		it.each(SEEDS.slice(0, 10))('(order %i; a 500 on page 2 that stays) keeps what was handled: the next polls deliver the rest, nothing twice', async (seed) => {
			const store = new TicketStore({ shuffleSeed: seed });
			store.createMany(100, 0);
			const trigger = await publishedTrigger(store);
			const changed = changeAroundPageBoundaries(store, 2000);
			const delivered = changesIn((await trigger.poll()).items);
			store.takeRequests();
			const saved = trigger.persisted();

			// Page 1 answers; page 2 answers 500 to each of the door's tries.
			const serverError = { status: 500, body: { error: { code: 'internal_server_error', message: 'Server Error' } } };
			store.failures.push(null, ...Array.from({ length: retryPolicy.maxTries }, () => serverError));
			const failed = await trigger.poll();

			expect(failed.error?.message).toBe('Server Error');
			expect(store.takeRequests()).toEqual([{}, ...Array.from({ length: retryPolicy.maxTries }, () => ({ page: '2' }))]);
			expect(clock.state.sleeps).toHaveLength(retryPolicy.maxTries - 1);
			expect(trigger.persisted()).toEqual(saved);
			const rest = await pollUntilIdle(store, pollOf(trigger));
			expect(sorted([...delivered, ...rest.delivered])).toEqual(sorted(changed));
		});
	});
});

describe('Desk360 Ticket Trigger › the list changing between page requests', () => {
	it('misses no ticket when one stops matching the filter between pages 1 and 2 (the later ones would move up a place)', async () => {
		const store = new TicketStore();
		store.createMany(40, 0);
		const trigger = await publishedTrigger(store, { filters: { status: 2 } });
		// 25 Waiting tickets change: 1 to 25, newest first (25 to 6 on page 1, 5 to 1 on page 2).
		const changed = Array.from({ length: 25 }, (_, index) => change(store.update(index + 1, second(100 + index))));
		let resolved = false;
		store.beforeAnswer = (query) => {
			if (query.page !== '2' || resolved) return;
			resolved = true;
			// Ticket 20, read on page 1, is resolved: it leaves the Waiting list.
			store.update(20, second(200), { status: 1 });
		};

		const { delivered } = await pollUntilIdle(store, pollOf(trigger));

		expect(sorted(delivered)).toEqual(sorted(changed));
		expect(resolved).toBe(true);
	});

	it('delivers a ticket updated while the pages are read (it moves to the top, the others one place down) once, in its latest state', async () => {
		const store = new TicketStore();
		store.createMany(40, 0);
		const trigger = await publishedTrigger(store);
		const changed = Array.from({ length: 25 }, (_, index) => change(store.update(index + 1, second(100 + index))));
		let updated = false;
		store.beforeAnswer = (query) => {
			if (query.page !== '2' || updated) return;
			updated = true;
			// Ticket 3, due on page 2, changes in the second of the newest change.
			store.update(3, second(124), { last_message: 'Any news?' });
		};

		const { delivered } = await pollUntilIdle(store, pollOf(trigger));

		expect(sorted(delivered)).toEqual(sorted([...changed.filter((each) => !each.startsWith('3@')), `3@${second(124)}`]));
		expect(store.tickets.get(3)!.last_message).toBe('Any news?');
	});
});

describe('Desk360 Ticket Trigger › a second it cannot prove complete', () => {
	it(`remembers at most ${MAX_REMEMBERED} tickets: a second that stays unproven while 2,099 changes come after it is given up`, async () => {
		// Tickets of one second in ID order on odd pages, the other way on even
		// ones: of 3 tickets of one second at places 2,100 to 2,102 (pages 105
		// and 106), ticket 3 is never listed, so that second is never proven.
		const store = new TicketStore({ tieOrder: (a, b, page) => (page % 2 === 1 ? a.id - b.id : b.id - a.id) });
		store.createMany(10, 0);
		// Only updates start the workflow, not the 2,099 new tickets: no poll stops at 500 items.
		const trigger = await publishedTrigger(store, { events: ['updatedTicket'] });
		for (const id of [1, 2, 3]) store.update(id, second(100));
		store.createMany(2099, 200);

		expect(eventsOf((await trigger.poll()).items)).toEqual([
			['updatedTicket', 1],
			['updatedTicket', 2],
		]);
		expect(store.takeRequests()).toHaveLength(106);

		const { cursor, ahead } = (trigger.persisted()['node:Desk360 Ticket Trigger'] as { tickets: { cursor: { updatedAt: string; ids: number[] }; ahead: Array<{ ids: number[] }> } }).tickets;
		expect([cursor, ...ahead].flatMap((instant) => instant.ids)).toHaveLength(MAX_REMEMBERED);
		// The horizon moved past the unproven second to the 100th change after it.
		expect(cursor.updatedAt).toBe(second(299));
		expect(await trigger.poll()).toEqual({});
		expect(store.takeRequests()).toHaveLength(101);
	});
});
