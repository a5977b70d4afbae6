import { clock } from '../../nodes/shared/clock';
import { createTickets, named } from '../desk360/bulkCreate';
import { desk360Api } from '../desk360/fixtures';
import { limitedApi } from '../helpers/limitedApi';
import { useTimeline } from '../helpers/timeline';
import { eventsOf, publishedTrigger, TicketStore } from './fixtures';

const MINUTE = 60_000;

describe('Desk360 Ticket Trigger › one rate gate with the action nodes of the account', () => {
	let timeline: ReturnType<typeof useTimeline>;
	beforeEach(() => (timeline = useTimeline(Date.UTC(2026, 10, 21, 12, 0, 0))));
	afterEach(() => timeline.restore());

	it('reads a backlog paced by the plan’s budget, collecting no 429, while a Desk360 node’s writes go out between its pages', async () => {
		// A Basic plan: 10 requests a minute for the whole account, reported in X-RateLimit headers.
		const server = limitedApi({ limit: 10, windowMs: MINUTE });
		const sent: string[] = [];
		const store = new TicketStore({
			limiter: {
				handle: (body: unknown) => {
					sent.push('page');
					return server.handle(body);
				},
			},
		});
		desk360Api()
			.persist()
			.post('/v1/products/12/tickets')
			.reply((_uri, body) => {
				sent.push('create');
				return server.handle(body);
			});
		store.createMany(10, 0);
		const trigger = await publishedTrigger(store);
		sent.length = 0;
		store.createMany(90, 100);

		const [poll, creates] = await Promise.all([trigger.poll(), createTickets(named('Customer', 3))]);

		expect(server.stats.refused).toBe(0);
		expect(eventsOf(poll.items)).toHaveLength(90);
		expect(creates.items).toHaveLength(3);
		// The writes did not wait for the 5 pages of the poll: the gate takes requests in the order they ask.
		expect(sent.indexOf('create')).toBeLessThan(sent.lastIndexOf('page'));
		expect(sent.filter((request) => request === 'page')).toHaveLength(5);
		expect(clock.now() - Date.UTC(2026, 10, 21, 12, 0, 0)).toBeLessThan(MINUTE);
	});
});
