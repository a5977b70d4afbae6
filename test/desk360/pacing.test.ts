import { clock } from '../../nodes/shared/clock';
import { useTimeline } from '../helpers/timeline';
import { rateLimitedServer } from '../helpers/rateLimitedServer';
import { createTickets, named } from './bulkCreate';
import { API_TOKEN, desk360Api, tokenCredentials } from './fixtures';

const MINUTE = 60_000;
const OTHER_TOKEN = 'other-account-token';
const otherAccount = { desk360Api: { ...tokenCredentials.desk360Api, apiToken: OTHER_TOKEN } };

let timeline: ReturnType<typeof useTimeline>;
let started: number;

function startAt(offsetMs: number) {
	// The timeline starts on a whole minute: the start of a server window.
	timeline = useTimeline(Date.UTC(2026, 10, 21, 12, 0, 0) + offsetMs);
	started = timeline.state.now;
}

afterEach(() => timeline.restore());

/** A Desk360 account behind a fixed-window limit with X-RateLimit headers; `at` holds when each request arrived. */
function limitedAccount(limit: number, token = API_TOKEN) {
	const server = rateLimitedServer({ limit, windowMs: MINUTE, sendRateHeaders: true });
	const at: number[] = [];
	desk360Api(token)
		.persist()
		.post('/v1/products/12/tickets')
		.reply((_uri, body) => {
			at.push(clock.now() - started);
			return server.handle(body);
		});
	return { server, at };
}

function acceptedNames(server: ReturnType<typeof rateLimitedServer>) {
	return server.stats.accepted.map((body) => (body as { name: string }).name);
}

/** How many requests fell into each one-minute window after the start. */
function perWindow(times: number[]) {
	const counts: number[] = [];
	for (const time of times) {
		const window = Math.floor((started + time) / MINUTE) - Math.floor(started / MINUTE);
		counts[window] = (counts[window] ?? 0) + 1;
	}
	return counts;
}

const seconds = (...values: number[]) => values.map((value) => value * 1000);

describe('Desk360 › pacing under the X-RateLimit headers', () => {
	it('spreads a window budget evenly over the window instead of sending it in a burst', async () => {
		startAt(0);
		const { server, at } = limitedAccount(10);

		const { items } = await createTickets(named('Customer', 10));

		// The first answer reports 9 left until the reset: one request every 6 s.
		expect(at).toEqual(seconds(0, 6, 12, 18, 24, 30, 36, 42, 48, 54));
		expect(server.stats.refused).toBe(0);
		expect(items).toHaveLength(10);
	});

	it('started mid-window, spreads what is left over the time left, then each full window over a whole window', async () => {
		startAt(30_000);
		const { server, at } = limitedAccount(10);

		await createTickets(named('Customer', 25));

		expect(at).toEqual(
			seconds(
				...[0, 3, 6, 9, 12, 15, 18, 21, 24, 27], // 10 in the 30 s left of the first window
				...[30, 36, 42, 48, 54, 60, 66, 72, 78, 84], // the next window starts 30 s in
				...[90, 96, 102, 108, 114],
			),
		);
		expect(server.stats.refused).toBe(0);
		expect(acceptedNames(server).sort()).toEqual(named('Customer', 25).sort());
	});

	it('two executions at once with one credential share one budget: no 429, every write once', async () => {
		startAt(0);
		const { server, at } = limitedAccount(5);

		const [first, second] = await Promise.all([
			createTickets(named('First', 6)),
			createTickets(named('Second', 6)),
		]);

		expect(server.stats.refused).toBe(0);
		expect(acceptedNames(server).sort()).toEqual([...named('First', 6), ...named('Second', 6)].sort());
		expect(first.items).toHaveLength(6);
		expect(second.items).toHaveLength(6);
		// 12 requests at 5 a minute: the budget of each window, 12 s apart.
		expect(perWindow(at)).toEqual([5, 5, 2]);
		expect(at).toEqual(seconds(0, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120, 132));
	});

	it('two accounts never wait on each other', async () => {
		startAt(0);
		const slow = limitedAccount(2);
		const fast = limitedAccount(6, OTHER_TOKEN);
		let fastDoneAt: number | undefined;

		await Promise.all([
			createTickets(named('Slow', 4)),
			createTickets(named('Fast', 6), otherAccount).then(() => {
				fastDoneAt = clock.now() - started;
			}),
		]);

		// Each account is paced by its own budget only: 2 and 6 a minute.
		expect(slow.at).toEqual(seconds(0, 30, 60, 90));
		expect(fast.at).toEqual(seconds(0, 10, 20, 30, 40, 50));
		expect(fastDoneAt).toBe(50_000);
		expect(slow.server.stats.refused + fast.server.stats.refused).toBe(0);
	});

	it('an account without a limit is not held back by a throttled one', async () => {
		startAt(0);
		const slow = limitedAccount(1);
		const unlimitedAt: number[] = [];
		desk360Api(OTHER_TOKEN)
			.post('/v1/products/12/tickets')
			.times(5)
			.reply((_uri, body) => {
				unlimitedAt.push(clock.now() - started);
				return [201, body];
			});

		await Promise.all([createTickets(named('Slow', 3)), createTickets(named('Free', 5), otherAccount)]);

		expect(unlimitedAt).toEqual([0, 0, 0, 0, 0]);
		expect(slow.at).toEqual(seconds(0, 60, 120));
	});
});
