import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { desk360Api, product } from '../desk360/fixtures';
import { useVirtualClock } from '../helpers/clock';
import { failureOf } from '../helpers/expectations';
import { activateTrigger, fetchTestEvent } from '../helpers/poll';
import { eventsOf, publishedTrigger, second, TicketStore, ticketTrigger, triggerSetup } from './fixtures';

describe('Desk360 Ticket Trigger › polling in n8n', () => {
	it('continues after a restart from the static data n8n saved: what changed meanwhile comes once', async () => {
		const store = new TicketStore();
		store.createMany(10, 0);
		const before = await publishedTrigger(store);
		store.update(4, second(20));
		expect(eventsOf((await before.poll()).items)).toEqual([['updatedTicket', 4]]);
		const saved = before.persisted();

		// n8n is down; then a new process activates the workflow with the saved static data.
		store.update(4, second(30));
		store.create(second(31));
		const after = activateTrigger(ticketTrigger, triggerSetup({}, { staticData: saved }));

		// n8n's activation poll delivers what changed while it was down.
		expect(eventsOf((await after.activate()).items)).toEqual([
			['updatedTicket', 4],
			['newTicket', 11],
		]);
		expect(await after.poll()).toEqual({});
		expect(after.persisted()).toEqual({
			'node:Desk360 Ticket Trigger': { tickets: { list: '/v1/products/11/tickets', cursor: { updatedAt: second(31), ids: [11] } } },
		});
	});

	it('starts afresh for another product, without a flood of its old tickets', async () => {
		const store = new TicketStore();
		store.createMany(3, 0);
		const first = await publishedTrigger(store);
		const saved = first.persisted();
		const other = activateTrigger(ticketTrigger, triggerSetup({ product: product(22) }, { staticData: saved }));
		const scope = desk360Api().get('/v1/products/22/tickets').reply(200, [
			{ id: 900, created_at: second(1), updated_at: second(2) },
		]);

		expect(await other.activate()).toEqual({});
		expect(scope.isDone()).toBe(true);
		expect(other.persisted()).toMatchObject({
			'node:Desk360 Ticket Trigger': { tickets: { list: '/v1/products/22/tickets', cursor: { updatedAt: second(2), ids: [900] } } },
		});
	});

	it('delivers only the chosen events, and moves past the others', async () => {
		const store = new TicketStore();
		store.createMany(3, 0);
		const trigger = await publishedTrigger(store, { events: ['newTicket'] });

		store.update(1, second(10));
		store.create(second(11));

		expect(eventsOf((await trigger.poll()).items)).toEqual([['newTicket', 4]]);
		expect(await trigger.poll()).toEqual({});
	});

	describe('a failed poll', () => {
		it('is reported as a failed execution with Desk360’s message; the cursor stays, nothing is skipped', async () => {
			const store = new TicketStore();
			store.createMany(3, 0);
			const trigger = await publishedTrigger(store);
			const saved = trigger.persisted();
			store.update(2, second(10));
			store.failures.push({ status: 401, body: { error: { code: 'authentication_exception', message: 'Unauthenticated.' } } });

			const failed = await trigger.poll();

			expect(failed.items).toBeUndefined();
			expect(failed.error).toBeInstanceOf(NodeApiError);
			expect(failed.error!.message).toBe('Unauthenticated.');
			expect(trigger.persisted()).toEqual(saved);
			expect(eventsOf((await trigger.poll()).items)).toEqual([['updatedTicket', 2]]);
		});

		it('moves nothing when a later page fails: the pages already read are not delivered', async () => {
			const store = new TicketStore();
			store.createMany(3, 0);
			const trigger = await publishedTrigger(store);
			const saved = trigger.persisted();
			store.createMany(30, 10);
			// The first page answers, the second fails (a 400 is not retried).
			store.failures.push(null, { status: 400, body: { error: { code: 'failed_validation', message: 'The page must be a number.' } } });

			const failed = await trigger.poll();

			expect(failed.error?.message).toBe('The page must be a number.');
			expect(failed.items).toBeUndefined();
			expect(trigger.persisted()).toEqual(saved);
			expect(store.takeRequests()).toEqual([{}, { page: '2' }]);
			expect((await trigger.poll()).items).toHaveLength(30);
		});

		it('fails the activation when the first poll fails', async () => {
			const store = new TicketStore();
			store.failures.push({ status: 404, body: { error: { code: 'model_not_found_exception', message: 'No query results for model [App\\\\Models\\\\Product] 11' } } });
			const trigger = activateTrigger(ticketTrigger, triggerSetup());

			const error = await failureOf(trigger.activate());

			expect(error.message).toBe('Product 11 was not found in this Desk360 account');
			expect(error.description).toContain('No query results for model');
			expect(trigger.persisted()).toEqual({ 'node:Desk360 Ticket Trigger': {} });
		});
	});

	it('waits out a 429 through the shared rate gate and then delivers, reporting nothing', async () => {
		const clock = useVirtualClock();
		try {
			const store = new TicketStore();
			store.createMany(3, 0);
			const trigger = await publishedTrigger(store);
			store.update(3, second(9));
			store.failures.push({
				status: 429,
				body: { error: { code: 'too_many_requests_exception', message: 'Too Many Attempts.' } },
				headers: { 'Retry-After': '20' },
			});

			const { items, error } = await trigger.poll();

			expect(error).toBeUndefined();
			expect(eventsOf(items)).toEqual([['updatedTicket', 3]]);
			expect(clock.state.sleeps).toContain(20_000);
		} finally {
			clock.restore();
		}
	});

	it('skips a poll that starts while the last one is still reading, so no ticket comes twice', async () => {
		const store = new TicketStore();
		store.createMany(3, 0);
		const trigger = await publishedTrigger(store);
		store.update(1, second(10));

		const [first, second_] = await Promise.all([trigger.poll(), trigger.poll()]);

		expect(eventsOf(first.items)).toEqual([['updatedTicket', 1]]);
		expect(second_).toEqual({});
		expect(store.takeRequests()).toHaveLength(1);
	});

	describe('Fetch Test Event (manual run)', () => {
		it('returns the most recent ticket of each chosen event from one request, and leaves the cursor alone', async () => {
			const store = new TicketStore();
			store.createMany(30, 0);
			store.update(5, second(100));
			const cursor = { 'node:Desk360 Ticket Trigger': { tickets: { list: '/v1/products/11/tickets', cursor: { updatedAt: second(1), ids: [2] } } } };

			const { items, staticData } = await fetchTestEvent(ticketTrigger, triggerSetup({}, { staticData: cursor }));

			expect(eventsOf(items)).toEqual([
				['newTicket', 30],
				['updatedTicket', 5],
			]);
			expect(store.takeRequests()).toEqual([{}]);
			expect(staticData).toEqual(cursor);
		});

		it('shows a ticket for New Ticket when every ticket of the first page was updated since (the most recently created)', async () => {
			const store = new TicketStore();
			store.createMany(3, 0);
			for (const id of [1, 2, 3]) store.update(id, second(100 + id));

			const { items } = await fetchTestEvent(ticketTrigger, triggerSetup({ events: ['newTicket', 'updatedTicket'] }));

			expect(eventsOf(items)).toEqual([
				['newTicket', 3],
				['updatedTicket', 3],
			]);
			expect(store.takeRequests()).toHaveLength(1);
		});

		it('says why there is nothing to show when no ticket matches the filters', async () => {
			const store = new TicketStore();
			store.createMany(3, 0);

			const error = await failureOf(fetchTestEvent(ticketTrigger, triggerSetup({ filters: { status: 1 } })));

			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe('No ticket to show: Desk360 lists no ticket of this product that matches the Filters');
			expect(error.description).toMatch(/^Create a ticket in Desk360 \(or remove Filters\), then Fetch Test Event again\./);
			expect(store.takeRequests()).toEqual([{ status: '1' }]);
		});

		it('shows Desk360’s error in the editor', async () => {
			const store = new TicketStore();
			store.failures.push({ status: 401, body: { error: { code: 'authentication_exception', message: 'Unauthenticated.' } } });

			const error = await failureOf(fetchTestEvent(ticketTrigger, triggerSetup()));

			expect(error.message).toBe('Unauthenticated.');
			expect(error.description).toContain('Settings → API');
		});
	});

	describe('wrong input', () => {
		it.each([
			['a product that is not an ID', { product: product('abc') }, 'Product must be a positive whole number (an ID) (found: "abc")'],
			['an agent that is not an ID', { filters: { agent: { __rl: true, mode: 'id', value: 'x7' } } }, 'Agent must be a positive whole number (an ID) (found: "x7")'],
			['a priority Desk360 does not have', { filters: { priority: 9 } }, 'Priority must be one of 0, 1, 2, 3 (found: 9)'],
			['no event', { events: [] }, 'Ticket Events must list one or more of newTicket, updatedTicket (found: [])'],
			['an unknown event', { events: ['closedTicket'] }, 'Ticket Events must list one or more of newTicket, updatedTicket (found: ["closedTicket"])'],
			['an unknown time zone', { options: { timeZone: 'Mars/Olympus' } }, 'Desk360 Time Zone must be an IANA time zone name such as Europe/Istanbul or UTC (found: "Mars/Olympus")'],
		])('refuses %s before anything is sent', async (_case, parameters, message) => {
			// No server: a request would fail with another error.
			const trigger = activateTrigger(ticketTrigger, triggerSetup(parameters));

			const error = await failureOf(trigger.activate());

			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
		});
	});
});
