import { createTickets, named } from './bulkCreate';
import { desk360, desk360Api, listOf, tokenCredentials } from './fixtures';
import { useVirtualClock } from '../helpers/clock';
import { failureOf, recordRequests } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';
import { limitedApi } from '../helpers/limitedApi';
import { retryPolicy } from '../../nodes/shared/retry';

const tooMany = { error: { code: 'too_many_requests_exception', message: 'Too Many Attempts.' } };

let virtual: ReturnType<typeof useVirtualClock>;
beforeEach(() => {
	virtual = useVirtualClock();
});
afterEach(() => virtual.restore());

function getAgents() {
	return runNode(desk360, {
		parameters: { resource: 'agent', operation: 'getAll', returnAll: true },
		credentials: tokenCredentials,
	});
}

describe('Desk360 › 429 retry', () => {
	it('waits what Retry-After says, then succeeds', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get('/v1/agents').reply(429, tooMany, { 'Retry-After': '26' }).get('/v1/agents').reply(200, listOf(2));

		const { items } = await getAgents();

		expect(items).toHaveLength(2);
		expect(requests).toHaveLength(2);
		expect(virtual.state.sleeps).toEqual([26_000]);
	});

	it('without Retry-After, waits until X-RateLimit-Reset', async () => {
		const resetAt = virtual.state.now + 42_000;
		desk360Api()
			.get('/v1/agents').reply(429, tooMany, { 'X-RateLimit-Reset': String(resetAt / 1000) })
			.get('/v1/agents').reply(200, listOf(1));

		await getAgents();

		expect(virtual.state.sleeps).toEqual([42_000]);
	});

	it.each([
		['within the last second of Retry-After, the reset time wins (Retry-After rounds up)', '2', 2_000, 1_700],
		['further away, Retry-After wins', '26', 2_000, 26_000],
	])('with both Retry-After and X-RateLimit-Reset: %s', async (_case, retryAfter, resetInMs, expectedWait) => {
		const windowStart = virtual.state.now;
		virtual.state.now += 300;
		desk360Api()
			.get('/v1/agents')
			.reply(429, tooMany, { 'Retry-After': retryAfter, 'X-RateLimit-Reset': String((windowStart + resetInMs) / 1000) })
			.get('/v1/agents')
			.reply(200, listOf(1));

		await getAgents();

		expect(virtual.state.sleeps).toEqual([expectedWait]);
	});

	it('without either header, backs off exponentially with jitter', async () => {
		desk360Api()
			.get('/v1/agents').times(3).reply(429, tooMany)
			.get('/v1/agents').reply(200, listOf(1));

		await getAgents();

		const [first, second, third] = virtual.state.sleeps;
		expect(virtual.state.sleeps).toHaveLength(3);
		expect(first).toBeGreaterThanOrEqual(500);
		expect(first).toBeLessThanOrEqual(1_000);
		expect(second).toBeGreaterThanOrEqual(1_000);
		expect(second).toBeLessThanOrEqual(2_000);
		expect(third).toBeGreaterThanOrEqual(2_000);
		expect(third).toBeLessThanOrEqual(4_000);
	});

	it('keeps retrying while the server asks for short waits, however many tries that takes', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get('/v1/agents').times(20).reply(429, tooMany, { 'Retry-After': '1' }).get('/v1/agents').reply(200, listOf(1));

		const { items } = await getAgents();

		expect(items).toHaveLength(1);
		expect(requests).toHaveLength(21);
		expect(virtual.state.sleeps).toEqual(Array(20).fill(1_000));
	});

	it('bounds the total wait, not the tries, and then says what happened: tries, time, what the server asked for', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		const resetAt = new Date(virtual.state.now + 60_000);
		scope
			.get('/v1/agents')
			.times(6)
			.reply(429, tooMany, {
				'Retry-After': '60',
				'X-RateLimit-Limit': '10',
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': String(resetAt.getTime() / 1000),
			});

		const error = await failureOf(getAgents());

		// 5 waits of 60 s are the 5 minutes a request may wait in all; the 6th would pass them.
		expect(retryPolicy.maxRateLimitWaitMs).toBe(300_000);
		expect(requests).toHaveLength(6);
		expect(virtual.state.sleeps).toEqual(Array(5).fill(60_000));
		expect(error.message).toBe('Desk360 kept refusing the request: 429 Too Many Requests');
		expect(error.description).toBe(
			'Desk360 answered this request 429 Too Many Requests 6 times in 5 min. ' +
				'The node waited 5 min in all between the tries, as Desk360 asked. ' +
				'It waits at most 5 min in all for one request, and Desk360 asked to wait 60 s more. ' +
				`Desk360's last answer: Retry-After 60 s, X-RateLimit-Remaining 0 of X-RateLimit-Limit 10, X-RateLimit-Reset ${resetAt.toISOString().replace('.000Z', 'Z')}. ` +
				'Desk360 counts its limit per IP address: other workflows, n8n workers and tools calling from the same address spend the same budget. ' +
				"To send fewer requests at once, open the Desk360 node's Settings tab → Request Options → Add Option → Batching.",
		);
		expect(error.description).not.toMatch(/plan/i);
		expect(error.httpCode).toBe('429');
	});

	it('without Retry-After or Reset, the error tells the waits were the back-off, not what the server asked', async () => {
		desk360Api().persist().get('/v1/agents').reply(429, tooMany);

		const error = await failureOf(getAgents());

		expect(error.description).toMatch(/^Desk360 answered this request 429 Too Many Requests \d+ times in \d+ min/);
		expect(error.description).toMatch(/The node waited \d+ min \d+ s in all between the tries\. /);
		expect(error.description).toMatch(/and the next wait would have been \d+ s\./);
		expect(error.description).toContain("Desk360's last answer named no wait and no budget.");
		expect(virtual.state.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(retryPolicy.maxRateLimitWaitMs);
	});

	it('does not start a wait longer than the bound: a longer Retry-After fails at once', async () => {
		desk360Api().get('/v1/agents').reply(429, tooMany, { 'Retry-After': '3600' });

		const error = await failureOf(getAgents());

		expect(error.description).toContain('Desk360 answered this request 429 Too Many Requests once.');
		expect(error.description).toContain('It waits at most 5 min in all for one request, and Desk360 asked to wait 60 min more.');
		expect(error.description).toContain("Desk360's last answer: Retry-After 3600 s.");
		expect(virtual.state.sleeps).toEqual([]);
	});

	it('a 429 that asks to wait nothing is retried after a back-off, not at once', async () => {
		desk360Api()
			.get('/v1/agents').reply(429, tooMany, { 'Retry-After': '0' })
			.get('/v1/agents').reply(200, listOf(1));

		await getAgents();

		expect(virtual.state.sleeps).toHaveLength(1);
		expect(virtual.state.sleeps[0]).toBeGreaterThanOrEqual(500);
		expect(virtual.state.sleeps[0]).toBeLessThanOrEqual(1_000);
	});

	it('retries a read after 503 but never resends a write after a server error', async () => {
		desk360Api().get('/v1/agents').reply(503, 'unavailable').get('/v1/agents').reply(200, listOf(1));
		expect((await getAgents()).items).toHaveLength(1);

		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post('/v1/products/12/tickets').reply(500, { error: { code: 'internal_server_error', message: 'Server Error' } });

		const error = await failureOf(createTickets(named('Customer', 1)));

		expect(requests).toHaveLength(1);
		expect(error.message).toBe('Server Error');
		expect(error.description).toContain('Try again later');
	});
});

describe('Desk360 › concurrent items under a rate limit', () => {
	it('spends the budget the headers report: every write once, no 429', async () => {
		const server = limitedApi({ limit: 5, windowMs: 60_000 });
		desk360Api()
			.post('/v1/products/12/tickets').times(12)
			.reply((_uri, body) => server.handle(body));
		const started = virtual.state.now;

		const { items } = await createTickets(named('Customer', 12));

		const names = server.stats.accepted.map((body) => (body as { name: string }).name);
		expect(names.sort()).toEqual(named('Customer', 12).sort());
		expect(server.stats.refused).toBe(0);
		expect(items.map((item) => item.json.name)).toEqual(named('Customer', 12));
		// 12 requests at 5 a minute need the third window: at least two minutes.
		expect(virtual.state.now - started).toBeGreaterThanOrEqual(120_000);
	});

	it('with only 429 + Retry-After to go by: no duplicate writes, no lost items, no stampede', async () => {
		const server = limitedApi({ limit: 4, windowMs: 10_000, rateHeaders: false });
		desk360Api()
			.persist()
			.post('/v1/products/12/tickets')
			.reply((_uri: string, body: unknown) => server.handle(body));

		const started = virtual.state.now;
		const { items } = await createTickets(named('Customer', 20));

		const names = server.stats.accepted.map((body) => (body as { name: string }).name);
		expect(new Set(names).size).toBe(20);
		expect(names).toHaveLength(20);
		expect(items).toHaveLength(20);
		// The gate learns the budget from the first window's 429s (4 accepted, then
		// refused until Retry-After): later windows are spent without a refusal.
		const firstWindowEnds = started + 10_000;
		expect(server.stats.refusedAt.every((at) => at < firstWindowEnds)).toBe(true);
		expect(server.stats.refused).toBeLessThanOrEqual(5);
	});
});
