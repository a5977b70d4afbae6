import { tokenCredentials } from '../desk360/fixtures';
import { eventsOf, publishedTrigger, second, TicketStore } from './fixtures';

describe('Desk360 Ticket Trigger › filters', () => {
	it('applies every filter to the tickets of the product’s whole list, which each poll reads without them', async () => {
		const store = new TicketStore();
		store.createMany(3, 0);
		const trigger = await publishedTrigger(store, {
			filters: {
				status: 2,
				priority: 3,
				agent: { __rl: true, mode: 'list', value: '0' },
				reason: 4,
				type: '9',
				platform: ' iOS ',
			},
		});
		const matching = { status: 2, priority: 3, agent_id: 0, reason_id: 4, type_id: 9, platform: 'ios' };

		store.create(second(10), matching);
		store.create(second(11), { ...matching, status: 1 });
		store.create(second(12), { ...matching, priority: 2 });
		store.create(second(13), { ...matching, agent_id: 7 });
		store.create(second(14), { ...matching, reason_id: 5 });
		store.create(second(15), { ...matching, type_id: 8 });
		store.create(second(16), { ...matching, platform: 'Android' });
		store.create(second(17), { ...matching, platform: 'iOS', agent_id: null as unknown as number });

		expect(eventsOf((await trigger.poll()).items)).toEqual([
			['newTicket', 4],
			['newTicket', 11],
		]);
		expect(store.takeRequests()).toEqual([{}]);
	});

	it('delivers only the tickets that match: unassigned ones, for the Unassigned agent', async () => {
		const store = new TicketStore();
		store.createMany(4, 0);
		const trigger = await publishedTrigger(store, { filters: { agent: { __rl: true, mode: 'list', value: '0' } } });

		store.create(second(10), { agent_id: 7 });
		store.create(second(11), { agent_id: 0 });
		store.update(2, second(12), { agent_id: 7 });
		store.update(3, second(13), { last_message: 'Still nobody?' });

		expect(eventsOf((await trigger.poll()).items)).toEqual([
			['newTicket', 6],
			['updatedTicket', 3],
		]);
	});

	it('delivers a ticket that is reopened in the second it was resolved in, after a poll saw it resolved', async () => {
		const store = new TicketStore();
		store.createMany(4, 0);
		const trigger = await publishedTrigger(store, { filters: { status: 2 } });

		store.update(2, second(10), { status: 1 });
		expect(await trigger.poll()).toEqual({});
		// Reopened in the same second: updated_at does not move, the status does.
		store.update(2, second(10), { status: 2 });

		expect(eventsOf((await trigger.poll()).items)).toEqual([['updatedTicket', 2]]);
		expect(await trigger.poll()).toEqual({});
	});

	it('delivers a ticket that comes to match a filter when it changes', async () => {
		const store = new TicketStore();
		store.createMany(4, 0);
		const trigger = await publishedTrigger(store, { events: ['updatedTicket'], filters: { status: 1, priority: 3 } });

		store.update(1, second(10), { status: 1 });
		store.update(2, second(11), { status: 1, priority: 3 });

		const { items } = await trigger.poll();
		expect(eventsOf(items)).toEqual([['updatedTicket', 2]]);
	});
});

describe('Desk360 Ticket Trigger › items', () => {
	it('puts the event, the ticket’s fields and readable values in each item', async () => {
		const store = new TicketStore();
		store.createMany(2, 0);
		const trigger = await publishedTrigger(store, { options: { timeZone: 'Europe/Istanbul' } });

		store.update(1, second(100), { status: 1, priority: 2 });

		const { items } = await trigger.poll();
		expect(items).toEqual([
			{
				json: {
					event: 'updatedTicket',
					id: 1,
					name: 'Jane Doe',
					status: 1,
					status_name: 'Resolved',
					priority: 2,
					priority_name: 'High',
					agent_id: 0,
					reason_id: 3,
					type_id: 1,
					platform: 'Android',
					last_message: 'Hello',
					created_at: '2026-11-21 12:00:00',
					created_at_iso: '2026-11-21T09:00:00.000Z',
					updated_at: '2026-11-21 12:01:40',
					updated_at_iso: '2026-11-21T09:01:40.000Z',
				},
			},
		]);
	});

	it.each([
		['a credential saved before it had a zone: UTC', {}, '2026-11-21T12:00:00.000Z'],
		['a credential in Europe/Istanbul', { timeZone: 'Europe/Istanbul' }, '2026-11-21T09:00:00.000Z'],
	])('reads Desk360’s times in the credential’s zone when the option is empty (%s), whatever the workflow’s zone', async (_case, zone, iso) => {
		const store = new TicketStore();
		const credentials = { desk360Api: { ...tokenCredentials.desk360Api, ...zone } };
		const trigger = await publishedTrigger(store, {}, { timezone: 'America/New_York', credentials });

		store.create(second(0));

		const { items } = await trigger.poll();
		expect(items![0].json.created_at_iso).toBe(iso);
	});

	it('takes the option’s zone over the credential’s', async () => {
		const store = new TicketStore();
		const credentials = { desk360Api: { ...tokenCredentials.desk360Api, timeZone: 'Asia/Tokyo' } };
		const trigger = await publishedTrigger(store, { options: { timeZone: 'Europe/Istanbul' } }, { credentials });

		store.create(second(0));

		const { items } = await trigger.poll();
		expect(items![0].json.created_at_iso).toBe('2026-11-21T09:00:00.000Z');
	});

	it('gives an item only its own keys, whatever keys Desk360 answers', async () => {
		const store = new TicketStore();
		const trigger = await publishedTrigger(store);
		const ticket = store.create(second(0));
		Object.defineProperty(ticket, '__proto__', { value: { polluted: true }, enumerable: true });

		const { items } = await trigger.poll();
		const json = JSON.parse(JSON.stringify(items![0].json));
		expect(Object.getPrototypeOf(items![0].json)).toBe(Object.prototype);
		expect(json).not.toHaveProperty('polluted');
		expect(Object.keys(items![0].json)).not.toContain('__proto__');
	});
});
