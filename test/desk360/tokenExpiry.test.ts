/**
 * An email-and-password credential whose token Desk360 forgets in the middle
 * of a paced job. Every refused request counts against the plan, so a dead
 * token may cost one refused request per expiry in this process, whatever the
 * concurrency and pacing: the token is taken when the request goes out (after
 * the rate gate), and no other request goes with it until its answer is in.
 * On a virtual timeline, against the sandbox's own rate limiter.
 */
import nock from 'nock';

import { useTimeline } from '../helpers/timeline';
import { limitedApi, type LimitedApiOptions } from '../helpers/limitedApi';
import { createTickets, named } from './bulkCreate';
import { BASE_URL, loginCredentials } from './fixtures';

let timeline: ReturnType<typeof useTimeline>;
beforeEach(() => {
	timeline = useTimeline(Date.UTC(2026, 10, 21, 12, 0, 0) + 300);
});
afterEach(() => timeline.restore());

const unauthenticated = { error: { code: 'authentication_exception', message: 'Unauthenticated.' } };

/**
 * Desk360 behind the sandbox's limiter (logins and refused requests count too):
 * each login issues a new token, which dies after `uses` accepted requests
 * (only the first token when `onlyFirst`).
 */
function expiringTokens(rateLimit: LimitedApiOptions, { uses, onlyFirst = false }: { uses: number; onlyFirst?: boolean }) {
	const api = limitedApi(rateLimit);
	const issued: string[] = [];
	const usesLeft = new Map<string, number>();
	const refused: string[] = [];
	nock(BASE_URL)
		.persist()
		.post('/v1/login')
		.reply(() =>
			api.reply(() => {
				const token = `token-${issued.length + 1}`;
				issued.push(token);
				usesLeft.set(token, onlyFirst && issued.length > 1 ? Number.POSITIVE_INFINITY : uses);
				return [200, { access_token: token, token_type: 'Bearer' }];
			}),
		)
		.post('/v1/products/12/tickets')
		.reply(function (_uri, body) {
			const token = String(this.req.headers.authorization ?? '').replace(/^Bearer /, '');
			return api.reply(() => {
				const left = usesLeft.get(token) ?? 0;
				if (left <= 0) {
					refused.push(token);
					return [401, unauthenticated];
				}
				usesLeft.set(token, left - 1);
				api.stats.accepted.push(body);
				return [201, { id: api.stats.accepted.length, ...(body as object) }];
			});
		});
	/** Tokens that died while the job ran: each may cost one refused request. */
	const expiries = () => issued.filter((token) => usesLeft.get(token) === 0).length;
	return { api, issued, refused, expiries };
}

function expectWrittenOnce(accepted: unknown[], names: string[]) {
	expect(accepted.map((body) => (body as { name: string }).name).sort()).toEqual([...names].sort());
}

describe.each(['aligned', 'laravel'] as const)('Desk360 credential › a token that dies in the middle of a job (%s windows)', (mode) => {
	it('40 creates at 10 per 2 s, the token dead after 12: one refused request, one login, every ticket once', async () => {
		const server = expiringTokens({ limit: 10, windowMs: 2_000, mode }, { uses: 12, onlyFirst: true });

		const { items } = await createTickets(named('Customer', 40), loginCredentials);

		expect(server.refused).toEqual(['token-1']);
		expect(server.issued).toEqual(['token-1', 'token-2']);
		expect(items).toHaveLength(40);
		expectWrittenOnce(server.api.stats.accepted, named('Customer', 40));
	});

	it('4 executions at once sharing the account, every token dead after 12: at most one refused request per expiry', async () => {
		const server = expiringTokens({ limit: 10, windowMs: 2_000, mode }, { uses: 12 });
		const prefixes = ['A', 'B', 'C', 'D'];

		const runs = await Promise.all(prefixes.map((prefix) => createTickets(named(prefix, 10), loginCredentials)));

		// 40 creates on tokens of 12 uses: three tokens die.
		expect(server.expiries()).toBe(3);
		expect(server.refused.length).toBeLessThanOrEqual(server.expiries());
		expect(new Set(server.refused).size).toBe(server.refused.length);
		expect(runs.map((run) => run.items.length)).toEqual([10, 10, 10, 10]);
		expectWrittenOnce(server.api.stats.accepted, prefixes.flatMap((prefix) => named(prefix, 10)));
	});
});
