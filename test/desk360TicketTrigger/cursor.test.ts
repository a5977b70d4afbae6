import { MAX_TICKETS_PER_POLL } from '../../nodes/Desk360TicketTrigger/poll';
import { activateTrigger } from '../helpers/poll';
import { eventsOf, publishedTrigger, second, TicketStore, ticketTrigger, triggerSetup } from './fixtures';

describe('Desk360 Ticket Trigger › cursor', () => {
	it('starts from now: the first poll reads one page of the whole list, delivers nothing and never the old tickets; polls read the whole list too', async () => {
		const store = new TicketStore();
		store.createMany(45, 0);
		const trigger = activateTrigger(ticketTrigger, triggerSetup({ filters: { status: 2 } }));

		expect(await trigger.activate()).toEqual({});
		// The whole product's newest change, whatever the filters: one request.
		expect(store.takeRequests()).toEqual([{}]);
		expect(trigger.persisted()).toEqual({
			'node:Desk360 Ticket Trigger': {
				tickets: { list: '/v1/products/11/tickets', cursor: { updatedAt: second(44), ids: [45] } },
			},
		});

		expect(await trigger.poll()).toEqual({});
		// The filters apply to the tickets, not to the request (see filtersAndItems).
		expect(store.takeRequests()).toEqual([{}]);
	});

	it('starts from an empty list and then delivers the first ticket as new', async () => {
		const store = new TicketStore();
		const trigger = await publishedTrigger(store);

		store.create(second(5));

		expect(eventsOf((await trigger.poll()).items)).toEqual([['newTicket', 1]]);
	});

	it('tells new tickets from updated ones, delivers each change once, oldest first', async () => {
		const store = new TicketStore();
		store.createMany(30, 0);
		const trigger = await publishedTrigger(store);

		store.update(3, second(100), { last_message: 'Any news?' });
		store.create(second(101));
		store.update(10, second(102), { status: 1 });

		const first = await trigger.poll();
		expect(eventsOf(first.items)).toEqual([
			['updatedTicket', 3],
			['newTicket', 31],
			['updatedTicket', 10],
		]);
		expect(first.items![0].json.last_message).toBe('Any news?');
		// All three were on the first page, above the cursor: one request.
		expect(store.takeRequests()).toHaveLength(1);

		expect(await trigger.poll()).toEqual({});
		expect(store.takeRequests()).toHaveLength(1);
	});

	it('costs exactly one request per poll while nothing changes', async () => {
		const store = new TicketStore();
		store.createMany(100, 0);
		const trigger = await publishedTrigger(store);

		for (let poll = 0; poll < 3; poll++) {
			expect(await trigger.poll()).toEqual({});
			expect(store.takeRequests()).toEqual([{}]);
		}
	});

	it('delivers a ticket updated twice between polls once, with its latest state', async () => {
		const store = new TicketStore();
		store.createMany(5, 0);
		const trigger = await publishedTrigger(store);

		store.update(2, second(50), { priority: 2 });
		store.update(2, second(60), { priority: 3, last_message: 'Urgent now' });

		const { items } = await trigger.poll();
		expect(eventsOf(items)).toEqual([['updatedTicket', 2]]);
		expect(items![0].json).toMatchObject({ priority: 3, priority_name: 'Urgent', last_message: 'Urgent now', updated_at: second(60) });
	});

	it('delivers a ticket created and then updated between polls once, as new, with its latest state', async () => {
		const store = new TicketStore();
		store.createMany(5, 0);
		const trigger = await publishedTrigger(store);

		store.create(second(50));
		store.update(6, second(70), { status: 1 });

		const { items } = await trigger.poll();
		expect(eventsOf(items)).toEqual([['newTicket', 6]]);
		expect(items![0].json).toMatchObject({ status: 1, status_name: 'Resolved', created_at: second(50), updated_at: second(70) });
	});

	it('keeps tickets of the same second apart across polls: whole-second timestamps', async () => {
		const store = new TicketStore();
		store.createMany(5, 0);
		const trigger = await publishedTrigger(store);

		store.update(1, second(30));
		expect(eventsOf((await trigger.poll()).items)).toEqual([['updatedTicket', 1]]);

		// Changed in the same second as the cursor, after that poll.
		store.update(2, second(30));
		store.create(second(30));
		expect(eventsOf((await trigger.poll()).items)).toEqual([
			['updatedTicket', 2],
			['newTicket', 6],
		]);

		expect(await trigger.poll()).toEqual({});
		// A ticket seen at the cursor's second that changes again later is a new change.
		store.update(1, second(31));
		expect(eventsOf((await trigger.poll()).items)).toEqual([['updatedTicket', 1]]);
	});

	it('reads on past a full page of one second, then stops at the first older ticket', async () => {
		const store = new TicketStore();
		store.createMany(50, 0);
		const trigger = await publishedTrigger(store);

		for (let id = 1; id <= 25; id++) store.update(id, second(200));

		const { items } = await trigger.poll();
		expect(eventsOf(items)).toEqual(Array.from({ length: 25 }, (_, index) => ['updatedTicket', index + 1]));
		expect(store.takeRequests()).toEqual([{}, { page: '2' }]);

		expect(await trigger.poll()).toEqual({});
		// The cursor's second fills a page and a half: both pages are read to see nothing is new.
		expect(store.takeRequests()).toEqual([{}, { page: '2' }]);
	});

	it('delivers a backlog oldest first across pages, at most the cap per poll, the rest on the next polls: never lost, never twice', async () => {
		const store = new TicketStore();
		store.createMany(10, 0);
		const trigger = await publishedTrigger(store);

		// n8n was down: the 10 old tickets changed, 1,000 were created (IDs 11 to 1010),
		// and the first 20 of those changed again later.
		for (let id = 1; id <= 10; id++) store.update(id, second(50 + id));
		store.createMany(1000, 100);
		for (let id = 11; id <= 30; id++) store.update(id, second(2000 + id));

		const polls: Array<Array<[unknown, unknown]>> = [];
		const requests: number[] = [];
		for (let poll = 0; poll < 4; poll++) {
			const { items, error } = await trigger.poll();
			expect(error).toBeUndefined();
			polls.push(eventsOf(items));
			requests.push(store.takeRequests().length);
		}

		const range = (from: number, to: number, event: string) =>
			Array.from({ length: to - from + 1 }, (_, index) => [event, from + index]);
		expect(MAX_TICKETS_PER_POLL).toBe(500);
		expect(polls.map((items) => items.length)).toEqual([500, 500, 10, 0]);
		// Oldest change first; tickets created during the backlog stay new when their turn comes.
		expect(polls.flat()).toEqual([
			...range(1, 10, 'updatedTicket'),
			...range(31, 1010, 'newTicket'),
			...range(11, 30, 'newTicket'),
		]);
		// Each poll reads down to the cursor and stops there: all 51 pages, then 26, then 1.
		expect(requests).toEqual([51, 26, 1, 1]);
	});
});
