/**
 * The rate gate's targets on a virtual timeline, against the sandbox's own rate
 * limiter (sandbox/rateLimit.mjs) in each of its shapes: 'aligned' (X-RateLimit-Reset
 * on every answer), 'laravel' (Laravel's throttle: a window starts at its first
 * request, Reset and Retry-After only with a 429, rounded up to whole seconds) and
 * 'laravel-reset' (the same windows, Reset rounded up on every answer).
 * The assertions are the times requests reach the server.
 */
import { clock } from '../../nodes/shared/clock';
import { useTimeline } from '../helpers/timeline';
import { limitedApi, type LimitedApi, type LimitedApiOptions } from '../helpers/limitedApi';
import { failureOf } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';
import { createTickets, named } from './bulkCreate';
import { API_TOKEN, BASE_URL, desk360, desk360Api, listOf, product, tokenCredentials } from './fixtures';

const MINUTE = 60_000;
const OTHER_TOKEN = 'other-account-token';
const otherAccount = { desk360Api: { ...tokenCredentials.desk360Api, apiToken: OTHER_TOKEN } };
const BASIC_PLAN = { limit: 10, windowMs: MINUTE };
const MODES = ['aligned', 'laravel', 'laravel-reset'] as const;

let timeline: ReturnType<typeof useTimeline>;
let started: number;

/** Starts the timeline `offsetMs` after a whole minute (an aligned window's start). */
function startAt(offsetMs = 0) {
	timeline = useTimeline(Date.UTC(2026, 10, 21, 12, 0, 0) + offsetMs);
	started = timeline.state.now;
}

afterEach(() => timeline.restore());

/** Ticket creates of one Desk360 account behind the sandbox's limiter. */
function limitedCreates(options: LimitedApiOptions, token = API_TOKEN) {
	const api = limitedApi(options);
	desk360Api(token)
		.persist()
		.post('/v1/products/12/tickets')
		.reply((_uri, body) => api.handle(body));
	return api;
}

/** Times (ms after the start) the server received requests: all, or only the accepted ones. */
const times = (api: LimitedApi, which: 'at' | 'acceptedAt' = 'at') => api.stats[which].map((at) => at - started);
const seconds = (...values: number[]) => values.map((value) => value * 1000);
const repeat = (value: number, count: number) => Array<number>(count).fill(value);
const lastAccepted = (api: LimitedApi) => Math.max(...times(api, 'acceptedAt'));

/** Every name written exactly once. */
function expectWrittenOnce(api: LimitedApi, names: string[]) {
	const written = api.stats.accepted.map((body) => (body as { name: string }).name);
	expect(written.sort()).toEqual([...names].sort());
}

describe.each(MODES)('Desk360 › small jobs at network speed (Basic plan, fresh window, %s)', (mode) => {
	beforeEach(() => startAt());

	it('5 creates in one execution all go at once', async () => {
		const api = limitedCreates({ ...BASIC_PLAN, mode });

		await createTickets(named('Customer', 5));

		expect(times(api)).toEqual(repeat(0, 5));
		expect(api.stats.refused).toBe(0);
	});

	it('5 one-item executions in a row each go at once', async () => {
		const api = limitedCreates({ ...BASIC_PLAN, mode });

		for (let run = 0; run < 5; run++) await createTickets([`Customer ${run}`]);

		expect(times(api)).toEqual(repeat(0, 5));
		expect(api.stats.refused).toBe(0);
	});

	it('a 3-page Return All reads page after page without waiting', async () => {
		const api = limitedApi({ ...BASIC_PLAN, mode });
		const next = (page: number) => ({ Link: `<${BASE_URL}/v1/products/12/tickets?page=${page}>; rel=next` });
		desk360Api()
			.get('/v1/products/12/tickets').reply(() => api.reply(() => [200, listOf(20, 1), next(2)]))
			.get('/v1/products/12/tickets').query({ page: '2' }).reply(() => api.reply(() => [200, listOf(20, 21), next(3)]))
			.get('/v1/products/12/tickets').query({ page: '3' }).reply(() => api.reply(() => [200, listOf(5, 41)]));

		const { items } = await runNode(desk360, {
			parameters: { resource: 'ticket', operation: 'getAll', product: product(12), returnAll: true },
			credentials: tokenCredentials,
		});

		expect(items).toHaveLength(45);
		expect(times(api)).toEqual([0, 0, 0]);
	});
});

describe('Desk360 › big jobs at the limit', () => {
	it('25 creates on the Basic plan, Reset on every answer: the physical minimum, 120 s, without a 429', async () => {
		startAt();
		const api = limitedCreates({ ...BASIC_PLAN, mode: 'aligned' });

		await createTickets(named('Customer', 25));

		// More wait than a window allows: each full window's budget is spread over it; the last 5 fit and go at once.
		expect(times(api)).toEqual(
			seconds(...[0, 6, 12, 18, 24, 30, 36, 42, 48, 54], ...[60, 66, 72, 78, 84, 90, 96, 102, 108, 114], ...repeat(120, 5)),
		);
		expect(api.stats.refused).toBe(0);
		expectWrittenOnce(api, named('Customer', 25));
	});

	it('25 creates on the Basic plan, Reset only with a 429 (Laravel): one 429 teaches the window, 120 s', async () => {
		// 300 ms past a whole second: the 429's Reset, rounded up, is 700 ms late.
		startAt(300);
		const api = limitedCreates({ ...BASIC_PLAN, mode: 'laravel' });

		await createTickets(named('Customer', 25));

		// The first window's end is unknown: its budget goes at once, then one request asks and
		// its 429 tells the end (Retry-After 60 s) and so the window's length. From then on the
		// gate knows each window ends a minute after its first request.
		expect(times(api, 'acceptedAt')).toEqual(
			seconds(...repeat(0, 10), ...[60, 66, 72, 78, 84, 90, 96, 102, 108, 114], ...repeat(120, 5)),
		);
		expect(times(api)).toHaveLength(26);
		expect(api.stats.refused).toBe(1);
		expect(lastAccepted(api)).toBeLessThanOrEqual(1.05 * 120_000);
		expectWrittenOnce(api, named('Customer', 25));
	});

	it('100 creates at 10 per 2 s, windows from their first request, Reset rounded up: within 1.10 × N/L × W', async () => {
		startAt(300);
		const api = limitedCreates({ limit: 10, windowMs: 2_000, mode: 'laravel' });

		await createTickets(named('Customer', 100));

		// The physical minimum is 9 × 2 s; N/L × W is 20 s.
		expect(lastAccepted(api)).toBe(18_000);
		expect(lastAccepted(api)).toBeLessThanOrEqual(1.1 * 20_000);
		expect(api.stats.refused).toBe(1);
		expectWrittenOnce(api, named('Customer', 100));
	});

	it('400 creates at 20 per 2 s, Reset on every answer: the physical minimum, no 429', async () => {
		startAt();
		const api = limitedCreates({ limit: 20, windowMs: 2_000, mode: 'aligned' });

		await createTickets(named('Customer', 400));

		expect(lastAccepted(api)).toBe(38_000);
		expect(api.stats.refused).toBe(0);
		expect(api.stats.requests).toBe(400);
		expectWrittenOnce(api, named('Customer', 400));
	});

	it('started mid-window: what is left of the window, then each full window, then the rest at once', async () => {
		startAt(30_000);
		const api = limitedCreates({ ...BASIC_PLAN, mode: 'aligned' });

		await createTickets(named('Customer', 25));

		expect(times(api)).toEqual(
			seconds(...[0, 3, 6, 9, 12, 15, 18, 21, 24, 27], ...[30, 36, 42, 48, 54, 60, 66, 72, 78, 84], ...repeat(90, 5)),
		);
		expect(api.stats.refused).toBe(0);
	});
});

describe('Desk360 › windows from their first request, Reset rounded up on every answer (laravel-reset)', () => {
	/** A round trip of 10 ms: the answers' Reset, rounded up, lies up to a second after the window's end. */
	const ONE_WAY_MS = 5;
	const TEN_PER_2S = { limit: 10, windowMs: 2_000 };
	/** 100 requests at 10 per 2 s: N/L × W is 20 s; the physical minimum, 9 windows after the first request's, 18 s. */
	const NOMINAL_MS = 20_000;
	const MINIMUM_MS = 18_000;

	/** Creates of one account behind the limiter, each request and answer `ONE_WAY_MS` on the way. */
	function createsOverNetwork(options: LimitedApiOptions) {
		const api = limitedApi(options);
		desk360Api()
			.persist()
			.post('/v1/products/12/tickets')
			.reply(async (_uri, body) => {
				await timeline.travel(ONE_WAY_MS);
				const answer = api.handle(body);
				await timeline.travel(ONE_WAY_MS);
				return answer;
			});
		return api;
	}

	/** From the first request's arrival to the last accepted one's, of the requests after `from`. */
	function span(api: LimitedApi, from = 0) {
		const at = times(api).slice(from);
		const accepted = times(api, 'acceptedAt').filter((time) => time >= at[0]);
		return Math.max(...accepted) - at[0];
	}

	// Until the server is seen to end a window before its Reset, the gate keeps one request of the
	// first window for that window's learned end (if the window is still open then, as on windows on
	// the clock, it takes that request instead of a 429): 9 go in the first window, 10 in the others.
	it('100 creates at 10 per 2 s: within 1.10 × N/L × W, no 429', async () => {
		startAt(300);
		const api = createsOverNetwork({ ...TEN_PER_2S, mode: 'laravel-reset' });

		await createTickets(named('Customer', 100));

		expect(span(api)).toBeLessThanOrEqual(1.1 * NOMINAL_MS);
		expect(api.stats.refused).toBe(0);
		expectWrittenOnce(api, named('Customer', 100));
	});

	it('two executions of 50 at once: within 1.10 × N/L × W, no 429', async () => {
		startAt(300);
		const api = createsOverNetwork({ ...TEN_PER_2S, mode: 'laravel-reset' });

		await Promise.all([createTickets(named('A', 50)), createTickets(named('B', 50))]);

		expect(span(api)).toBeLessThanOrEqual(1.1 * NOMINAL_MS);
		expect(api.stats.refused).toBe(0);
		expectWrittenOnce(api, [...named('A', 50), ...named('B', 50)]);
	});

	it('the next job of the same n8n process goes at the physical minimum: each window full, ended at its real end', async () => {
		startAt(300);
		const api = createsOverNetwork({ ...TEN_PER_2S, mode: 'laravel-reset' });
		await createTickets(named('First', 100));
		// A while later, when the server's window is long over.
		await clock.sleep(10_700);

		await createTickets(named('Second', 100));

		expect(span(api, 100)).toBeLessThanOrEqual(1.01 * MINIMUM_MS);
		expect(api.stats.refused).toBe(0);
		expectWrittenOnce(api, [...named('First', 100), ...named('Second', 100)]);
	});

	it.each([
		['aligned', 0],
		['laravel', 1],
	] as const)('the same network, %s: 100 creates within 1.10 × N/L × W, at most %i 429', async (mode, refused) => {
		startAt(300);
		const api = createsOverNetwork({ ...TEN_PER_2S, mode });

		await createTickets(named('Customer', 100));

		expect(span(api)).toBeLessThanOrEqual(1.1 * NOMINAL_MS);
		expect(api.stats.refused).toBeLessThanOrEqual(refused);
		expectWrittenOnce(api, named('Customer', 100));
	});
});

describe('Desk360 › one budget, several spenders', () => {
	it('two executions at once with one credential share one budget: no 429, every write once', async () => {
		startAt();
		const api = limitedCreates({ limit: 5, windowMs: MINUTE });

		const [first, second] = await Promise.all([createTickets(named('First', 6)), createTickets(named('Second', 6))]);

		expect(api.stats.refused).toBe(0);
		expectWrittenOnce(api, [...named('First', 6), ...named('Second', 6)]);
		expect(first.items).toHaveLength(6);
		expect(second.items).toHaveLength(6);
		expect(times(api)).toEqual(seconds(0, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120, 120));
	});

	it.each(MODES)(
		'two workers (a gate each) on one account, 4 executions of 50 creates at 20 per 2 s (%s): every write once, few 429s, near the minimum',
		async (mode) => {
			startAt(300);
			const api = limitedApi({ limit: 20, windowMs: 2_000, mode });
			// Two tokens of one account: two gates, as two n8n workers have, spending one budget.
			for (const token of [API_TOKEN, OTHER_TOKEN]) {
				desk360Api(token)
					.persist()
					.post('/v1/products/12/tickets')
					.reply((_uri, body) => api.handle(body));
			}

			await Promise.all([
				createTickets(named('A', 50)),
				createTickets(named('B', 50), otherAccount),
				createTickets(named('C', 50)),
				createTickets(named('D', 50), otherAccount),
			]);

			expectWrittenOnce(api, ['A', 'B', 'C', 'D'].flatMap((prefix) => named(prefix, 50)));
			expect(api.stats.refused / api.stats.requests).toBeLessThanOrEqual(0.05);
			expect(lastAccepted(api)).toBeLessThanOrEqual(1.2 * 20_000);
		},
	);

	it('two accounts never wait on each other', async () => {
		startAt();
		const slow = limitedCreates({ limit: 2, windowMs: MINUTE });
		const fast = limitedCreates({ limit: 6, windowMs: MINUTE }, OTHER_TOKEN);
		let fastDoneAt: number | undefined;

		await Promise.all([
			createTickets(named('Slow', 4)),
			createTickets(named('Fast', 6), otherAccount).then(() => {
				fastDoneAt = clock.now() - started;
			}),
		]);

		expect(times(slow)).toEqual(seconds(0, 30, 60, 60));
		expect(times(fast)).toEqual(repeat(0, 6));
		expect(fastDoneAt).toBe(0);
		expect(slow.stats.refused + fast.stats.refused).toBe(0);
	});

	it('an account without a limit is not held back by a throttled one', async () => {
		startAt();
		const slow = limitedCreates({ limit: 1, windowMs: MINUTE });
		const unlimitedAt: number[] = [];
		desk360Api(OTHER_TOKEN)
			.post('/v1/products/12/tickets')
			.times(5)
			.reply((_uri, body) => {
				unlimitedAt.push(clock.now() - started);
				return [201, body];
			});

		await Promise.all([createTickets(named('Slow', 3)), createTickets(named('Free', 5), otherAccount)]);

		expect(unlimitedAt).toEqual(repeat(0, 5));
		expect(times(slow)).toEqual(seconds(0, 60, 120));
	});
});

describe('Desk360 › 429 storms never fail a run', () => {
	it.each([1, 2, 3])('30 %% random 429s (Retry-After 1 s), no budget headers, seed %i: 100 creates, each written once', async (seed) => {
		startAt();
		const api = limitedCreates({ limit: null, storm: 0.3, seed });

		const { items } = await createTickets(named('Customer', 100));

		expect(items).toHaveLength(100);
		expect(api.stats.refused).toBeGreaterThan(20);
		expectWrittenOnce(api, named('Customer', 100));
	});

	it('random 429s while the budget headers show budget left hold back only the refused request', async () => {
		startAt();
		const api = limitedCreates({ limit: 1000, windowMs: MINUTE, storm: 0.3, seed: 7 });

		const { items } = await createTickets(named('Customer', 100));

		expect(items).toHaveLength(100);
		expectWrittenOnce(api, named('Customer', 100));
		// Each refused request waits its own second: a few seconds in all, not one second per 429.
		expect(api.stats.refused).toBeGreaterThan(20);
		expect(lastAccepted(api)).toBeLessThanOrEqual(10_000);
	});
});

describe('Desk360 › cancelling the execution ends every wait', () => {
	it('while requests wait for the next window', async () => {
		startAt();
		const api = limitedCreates({ ...BASIC_PLAN, mode: 'aligned' });
		const cancel = new AbortController();

		const run = failureOf(createTickets(named('Customer', 25), tokenCredentials, cancel.signal));
		await clock.sleep(30_000);
		cancel.abort();
		const error = await run;

		expect(clock.now() - started).toBe(30_000);
		expect(String(error.message) + String(error.description)).toMatch(/cancel/i);
		expect(times(api)).toEqual(seconds(0, 6, 12, 18, 24));
	});

	it('while a refused request waits out its Retry-After', async () => {
		startAt();
		const scope = desk360Api();
		const at: number[] = [];
		scope.post('/v1/products/12/tickets').reply(() => {
			at.push(clock.now() - started);
			return [429, { error: { code: 'too_many_requests_exception', message: 'Too Many Attempts.' } }, { 'Retry-After': '60' }];
		});
		const cancel = new AbortController();

		const run = failureOf(createTickets(['Customer'], tokenCredentials, cancel.signal));
		await clock.sleep(10_000);
		cancel.abort();
		await run;

		expect(clock.now() - started).toBe(10_000);
		expect(at).toEqual([0]);
	});
});
