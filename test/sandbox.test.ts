/**
 * The local sandbox (sandbox/server.mjs), started through its CLI on a free
 * port and driven with fetch: auth, login lockout, pagination, rate limit,
 * multipart writes, Sendbird pages, webhook posting and the scripted model.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import { createHash, createHmac } from 'crypto';
import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';

import { createRateLimiter, parseRateLimit } from '../sandbox/rateLimit.mjs';

const DESK360 = { authorization: 'Bearer sandbox-desk360-token' };
const SENDBIRD = { SENDBIRDDESKAPITOKEN: 'sandbox-sendbird-token' };
const JSON_TYPE = { 'content-type': 'application/json' };

let sandbox: ChildProcessWithoutNullStreams;
let base: string;

/** Starts `node server.mjs --port 0` and reads the URL it prints. */
function startCli(): Promise<string> {
	sandbox = spawn(process.execPath, [join(__dirname, '..', 'sandbox', 'server.mjs'), '--port', '0'], { stdio: 'pipe' });
	return new Promise((resolve, reject) => {
		let output = '';
		sandbox.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /listening on (http:\/\/\S+)/.exec(output);
			if (match) resolve(match[1]);
		});
		sandbox.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		sandbox.on('exit', (code) => reject(new Error(`sandbox exited (${code}): ${output}`)));
	});
}

async function call(path: string, init: RequestInit = {}) {
	const response = await fetch(`${base}${path}`, init);
	const text = await response.text();
	let body: any = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Not JSON.
	}
	return { status: response.status, headers: response.headers, body };
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
	call(path, { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) });

const stats = async () => (await call('/__sandbox/stats')).body;

/** Desk360's timestamp for now (UTC), as the sandbox writes it. */
function deskNow(): string {
	return new Date().toISOString().slice(0, 19).replace('T', ' ');
}

function nextLink(headers: Headers): string | undefined {
	return /<([^>]+)>;\s*rel=next/.exec(headers.get('link') ?? '')?.[1];
}

beforeAll(async () => {
	base = await startCli();
});

afterAll(() => {
	sandbox.kill('SIGTERM');
});

beforeEach(async () => {
	await post('/__sandbox/reset', {});
});

describe('sandbox › Desk360 auth', () => {
	it('needs the Bearer token and answers in Desk360’s error format', async () => {
		const refused = await call('/v1/products');
		expect(refused.status).toBe(401);
		expect(refused.body).toEqual({
			error: { code: 'authentication_exception', message: 'Unauthenticated.', doc_url: 'https://docs.desk360.com/api' },
		});

		const products = await call('/v1/products', { headers: DESK360 });
		expect(products.status).toBe(200);
		expect(products.body.map((product: { id: number }) => product.id)).toEqual([11, 22, 33]);

		expect((await call('/v1/nothing', { headers: DESK360 })).body.error.code).toBe('not_found_exception');
		const wrongMethod = await call('/v1/products', { method: 'DELETE', headers: DESK360 });
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.body.error.code).toBe('method_not_allowed_exception');
	});

	it('logs in, returns the same token until tokens expire, then a new one', async () => {
		const credentials = { email: 'agent@sandbox.local', password: 'sandbox-password' };
		const first = await post('/v1/login', credentials);
		expect(first.status).toBe(200);
		expect(first.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer' });
		const bearer = { authorization: `Bearer ${first.body.access_token}` };
		expect((await call('/v1/me', { headers: bearer })).body.email).toBe('agent@sandbox.local');
		expect((await post('/v1/login', credentials)).body.access_token).toBe(first.body.access_token);

		expect((await post('/__sandbox/expire-tokens', {})).body).toEqual({ expired: 1 });
		expect((await call('/v1/me', { headers: bearer })).status).toBe(401);
		const renewed = await post('/v1/login', credentials);
		expect(renewed.body.access_token).not.toBe(first.body.access_token);
		expect((await stats()).logins).toBe(3);
	});

	it('refuses password login where password access is off, and locks an email after 5 wrong attempts', async () => {
		const noAccess = await post('/v1/login', { email: 'noaccess@sandbox.local', password: 'sandbox-password' });
		expect(noAccess.body.error.code).toBe('password_access_disabled');

		const missing = await post('/v1/login', { password: 'x' });
		expect(missing.status).toBe(422);
		expect(missing.body.error).toMatchObject({ code: 'failed_validation', message: 'The email field is required.' });

		const wrong = { email: 'jane@sandbox.local', password: 'wrong' };
		for (let attempt = 1; attempt <= 5; attempt++) {
			const answer = await post('/v1/login', wrong);
			expect([answer.status, answer.body.error.code]).toEqual([401, 'invalid_credentials']);
		}
		const locked = await post('/v1/login', { ...wrong, password: 'sandbox-password' });
		expect(locked.status).toBe(429);
		expect(locked.body.error.code).toBe('too_many_attempts');
		expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
		// Another email is not locked.
		expect((await post('/v1/login', { email: 'agent@sandbox.local', password: 'sandbox-password' })).status).toBe(200);
		expect((await stats()).failedLogins).toBe(8);
	});
});

describe('sandbox › the edges it can play', () => {
	afterEach(async () => {
		await post('/__sandbox/proxy', { behindProxy: false });
	});

	it('behind a proxy, next-page addresses name the real services’ hosts', async () => {
		await post('/__sandbox/proxy', { behindProxy: true });
		const tickets = await call('/v1/products/11/tickets', { headers: DESK360 });
		const templates = await call('/v1/products/11/conversations/templates', { headers: DESK360 });
		const notes = await call('/sendbird/platform/v1/ticket_notes?limit=10', { headers: SENDBIRD });

		expect(nextLink(tickets.headers)).toBe('https://api.desk360.com/v1/products/11/tickets?page=2');
		expect(templates.body.next_page_url).toBe('https://api.desk360.com/v1/products/11/conversations/templates?page=2');
		expect(notes.body.next).toBe('https://desk-api-sandbox-app.sendbird.com/platform/v1/ticket_notes?limit=10&offset=10');
	});

	it('injected server errors answer the next requests of a method, counted, without doing anything', async () => {
		await post('/__sandbox/faults', { status: 503, count: 1, method: 'POST' });
		const refused = await post('/v1/products/11/tickets', { name: 'x' }, DESK360);
		const read = await call('/v1/agents', { headers: DESK360 });
		const after = await stats();

		expect(refused.status).toBe(503);
		expect(refused.body).toEqual({ error: expect.objectContaining({ code: 'internal_server_error' }) });
		expect(read.status).toBe(200);
		expect(after.writes).toEqual([]);
		expect(after.byStatus['503']).toBe(1);
	});
});

describe('sandbox › Desk360 lists', () => {
	it('pages tickets 20 at a time with a Link header that keeps the filters', async () => {
		let url: string | undefined = `${base}/v1/products/11/tickets?priority=1&order=asc`;
		const seen: Array<{ id: number; priority: number; updated_at: string }> = [];
		let pages = 0;
		while (url) {
			const response = await fetch(url, { headers: DESK360 });
			const page = (await response.json()) as typeof seen;
			pages++;
			url = nextLink(response.headers);
			if (url) {
				expect(page).toHaveLength(20);
				expect(new URL(url).searchParams.get('priority')).toBe('1');
				expect(new URL(url).searchParams.get('page')).toBe(String(pages + 1));
			}
			seen.push(...page);
		}
		expect(pages).toBeGreaterThan(1);
		expect(new Set(seen.map((ticket) => ticket.id)).size).toBe(seen.length);
		expect(seen.every((ticket) => ticket.priority === 1)).toBe(true);
		const times = seen.map((ticket) => ticket.updated_at);
		expect(times).toEqual([...times].sort());
	});

	it('moves a ticket’s updated_at on every change, so it leads the list (newest update first)', async () => {
		const firstPage = async () => (await call('/v1/products/11/tickets', { headers: DESK360 })).body as Array<Record<string, any>>;
		/** The ticket, which must be among those of the newest second (timestamps have whole seconds). */
		const newestWith = async (id: number) => {
			const page = await firstPage();
			const ticket = page.find((each) => each.id === id);
			expect(ticket?.updated_at).toBe(page[0].updated_at);
			return ticket;
		};
		const [before] = await firstPage();
		expect(before.updated_at < deskNow()).toBe(true);

		const created = await post('/v1/products/11/tickets', { name: 'Jane', email: 'jane@example.com', reason_id: 1, description: 'Hi', status: 2 }, DESK360);
		expect(created.body.updated_at).toBe(created.body.created_at);
		expect((await firstPage())[0].id).toBe(created.body.id);

		await post(`/v1/products/11/tickets/${before.id}/reply`, { message: 'On it' }, DESK360);
		expect(await newestWith(before.id)).toMatchObject({ last_message: 'On it' });

		const older = (await call('/v1/products/11/tickets?order=asc', { headers: DESK360 })).body[0];
		const changed = await post(`/__sandbox/tickets/${older.id}`, { priority: 3, agent_id: 0 });
		expect(changed.status).toBe(200);
		expect(await newestWith(older.id)).toMatchObject({ priority: 3, agent_id: 0, updated_at: changed.body.updated_at });
		expect(changed.body.updated_at >= created.body.updated_at).toBe(true);
	});

	it('refuses panel changes of unknown tickets or fields', async () => {
		expect((await post('/__sandbox/tickets/99999', { priority: 1 })).status).toBe(404);
		expect(await post('/__sandbox/tickets/1', { name: 'x' })).toMatchObject({ status: 422, body: { error: 'Unknown ticket fields: name.' } });
		expect((await post('/__sandbox/tickets/1', { priority: 9 })).status).toBe(422);
	});

	it('answers WhatsApp templates as a Laravel page object', async () => {
		const first = await call('/v1/products/11/conversations/templates', { headers: DESK360 });
		expect(first.body).toMatchObject({
			current_page: 1,
			per_page: 20,
			last_page: 2,
			from: 1,
			to: 20,
			prev_page_url: null,
			next_page_url: `${base}/v1/products/11/conversations/templates?page=2`,
			first_page_url: `${base}/v1/products/11/conversations/templates?page=1`,
			path: `${base}/v1/products/11/conversations/templates`,
		});
		expect(first.body.total).toBeGreaterThanOrEqual(25);
		expect(first.body.data).toHaveLength(20);
		expect(first.body.data[0].languages[0]).toEqual(
			expect.objectContaining({ language_code: 'en', parameters: expect.any(Array), template_id: first.body.data[0].id }),
		);

		const second = await call('/v1/products/11/conversations/templates?page=2', { headers: DESK360 });
		expect(second.body).toMatchObject({ current_page: 2, next_page_url: null });
		expect(second.body.data).toHaveLength(first.body.total - 20);
	});
});

describe('sandbox › rate limit', () => {
	afterEach(async () => {
		await post('/__sandbox/config', { limit: null });
	});

	it('counts every request, refuses those over the limit with 429 + Retry-After, and sends X-RateLimit-*', async () => {
		// A window of an hour: the test never crosses into the next one.
		expect((await post('/__sandbox/config', { limit: 3, windowMs: 3_600_000 })).body).toEqual({
			rateLimit: { limit: 3, windowMs: 3_600_000, mode: 'aligned', storm: 0, stormRetryAfter: 1, seed: 1 },
		});
		const answers = [];
		for (let i = 0; i < 4; i++) answers.push(await call('/v1/agents', i === 1 ? {} : { headers: DESK360 }));

		expect(answers.map((answer) => answer.status)).toEqual([200, 401, 200, 429]);
		expect(answers.map((answer) => answer.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
		const reset = Number(answers[3].headers.get('x-ratelimit-reset'));
		expect(reset).toBeGreaterThan(Date.now() / 1000);
		expect(answers[3].headers.get('x-ratelimit-limit')).toBe('3');
		const retryAfter = Number(answers[3].headers.get('retry-after'));
		expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600).toBe(true);
		expect(answers[3].body.error.code).toBe('too_many_requests_exception');

		// Sendbird has its own budget, and no X-RateLimit-* headers.
		const sendbird = [];
		for (let i = 0; i < 4; i++) sendbird.push(await call('/sendbird/platform/v1/agents', { headers: SENDBIRD }));
		expect(sendbird.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
		expect(sendbird[3].headers.get('retry-after')).not.toBeNull();
		expect(sendbird[3].headers.get('x-ratelimit-limit')).toBeNull();

		const counted = await stats();
		expect(counted).toMatchObject({ requests: 8, refused429: 2 });
		expect(counted.byRoute['GET /v1/agents']).toBe(4);
		// Control endpoints are neither counted nor limited.
		expect((await call('/__sandbox/stats')).status).toBe(200);
	});

	it("acts like Laravel's throttle on request: Limit and Remaining on every answer, Reset and Retry-After only with 429", async () => {
		await post('/__sandbox/config', { limit: 2, windowMs: 3_600_000, mode: 'laravel' });
		const answers = [];
		for (let i = 0; i < 3; i++) answers.push(await call('/v1/agents', { headers: DESK360 }));

		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
		expect(answers.map((answer) => answer.headers.get('x-ratelimit-remaining'))).toEqual(['1', '0', '0']);
		expect(answers.map((answer) => answer.headers.get('x-ratelimit-reset') === null)).toEqual([true, true, false]);
		expect(answers.map((answer) => answer.headers.get('retry-after') === null)).toEqual([true, true, false]);
		// The window started with the first request: it ends an hour after it.
		expect(Number(answers[2].headers.get('retry-after'))).toBeGreaterThan(3_590);
	});

	it('a storm refuses a share of the requests at random, with Retry-After, without a budget', async () => {
		await post('/__sandbox/config', { limit: null, storm: 0.5, seed: 3 });
		const answers = [];
		for (let i = 0; i < 20; i++) answers.push(await call('/v1/agents', { headers: DESK360 }));

		const refused = answers.filter((answer) => answer.status === 429);
		expect(refused.length).toBeGreaterThan(3);
		expect(refused.length).toBeLessThan(17);
		expect(refused.every((answer) => answer.headers.get('retry-after') === '1')).toBe(true);
		expect(answers.every((answer) => answer.headers.get('x-ratelimit-remaining') === null)).toBe(true);
		expect(await stats()).toMatchObject({ refused429: refused.length, storm429: refused.length });
	});

	it('rejects a setting it does not know', async () => {
		const answer = await post('/__sandbox/config', { limit: 5, mode: 'sliding' });
		expect(answer.status).toBe(400);
		expect(answer.body.error).toBe('mode must be one of aligned, laravel, laravel-reset');
	});
});

describe('sandbox › rate limiter on a given clock (shared with the jest tests)', () => {
	const limiter = (config: Parameters<typeof parseRateLimit>[0]) => createRateLimiter(parseRateLimit(config));
	const T = Date.UTC(2026, 10, 21, 12, 0, 0);

	it('aligned: windows on the epoch, Reset on every answer', () => {
		const limit = limiter({ limit: 2, windowMs: 2_000 });
		const answers = [T + 500, T + 600, T + 700, T + 2_000].map((now) => limit.take(now));

		expect(answers.map((answer) => answer.allowed)).toEqual([true, true, false, true]);
		expect(answers.map((answer) => answer.headers?.['X-RateLimit-Reset'])).toEqual(
			[2, 2, 2, 4].map((seconds) => String(T / 1000 + seconds)),
		);
		expect(answers[2].retryAfter).toBe(2);
	});

	it('laravel: a window starts at its first request; Reset rounds its end up to a whole second', () => {
		const limit = limiter({ limit: 2, windowMs: 2_000, mode: 'laravel' });
		const answers = [T + 300, T + 400, T + 500, T + 2_299, T + 2_300].map((now) => limit.take(now));

		expect(answers.map((answer) => answer.allowed)).toEqual([true, true, false, false, true]);
		// The window is [0.3 s, 2.3 s): its Reset says 3 s, its Retry-After 2 s then 1 s.
		expect(answers[2].headers).toEqual({ 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(T / 1000 + 3) });
		expect([answers[2].retryAfter, answers[3].retryAfter]).toEqual([2, 1]);
		expect(answers[4].headers).toEqual({ 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '1' });
	});

	it('laravel-reset: the same windows, with their end rounded up to a whole second on every answer', () => {
		const limit = limiter({ limit: 2, windowMs: 2_000, mode: 'laravel-reset' });
		const answers = [T + 300, T + 400, T + 500, T + 2_300].map((now) => limit.take(now));

		expect(answers.map((answer) => answer.allowed)).toEqual([true, true, false, true]);
		// [0.3 s, 2.3 s) says 3 s; the next window, [2.3 s, 4.3 s), says 5 s.
		expect(answers.map((answer) => answer.headers?.['X-RateLimit-Reset'])).toEqual([3, 3, 3, 5].map((seconds) => String(T / 1000 + seconds)));
		expect(answers[3].headers?.['X-RateLimit-Remaining']).toBe('1');
	});

	it('counts refused requests too, and the same seed gives the same storm', () => {
		const limit = limiter({ limit: 3, windowMs: 60_000, storm: 0.5, seed: 9 });
		const first = Array.from({ length: 3 }, () => limit.take(T));
		expect(first.map((answer) => answer.headers?.['X-RateLimit-Remaining'])).toEqual(['2', '1', '0']);
		const again = limiter({ limit: 3, windowMs: 60_000, storm: 0.5, seed: 9 });
		expect(Array.from({ length: 3 }, () => again.take(T).allowed)).toEqual(first.map((answer) => answer.allowed));
	});
});

describe('sandbox › writes', () => {
	it('takes a multipart ticket and records its fields and files in writes', async () => {
		const files = [Buffer.from('first file'), Buffer.from([0x89, 0x50, 0x4e, 0x47])];
		const form = new FormData();
		form.append('name', 'Jane Roe');
		form.append('email', 'jane.roe@example.com');
		form.append('reason_id', '1');
		form.append('description', 'Hello from a form');
		form.append('status', '2');
		form.append('attachments[]', new Blob([files[0]], { type: 'text/plain' }), 'notes.txt');
		form.append('attachments[]', new Blob([files[1]], { type: 'image/png' }), 'shot.png');
		const created = await call('/v1/products/11/tickets', { method: 'POST', headers: DESK360, body: form });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'Jane Roe', status: 2, channel: 'Api', last_message: 'Hello from a form' });

		const { writes } = await stats();
		expect(writes).toEqual([
			{
				route: 'POST /v1/products/:productId/tickets',
				method: 'POST',
				path: '/v1/products/11/tickets',
				at: expect.any(Number),
				status: 201,
				body: { name: 'Jane Roe', email: 'jane.roe@example.com', reason_id: '1', description: 'Hello from a form', status: '2' },
				files: [
					{ field: 'attachments[]', name: 'notes.txt', type: 'text/plain', size: files[0].length, sha256: createHash('sha256').update(files[0]).digest('hex') },
					{ field: 'attachments[]', name: 'shot.png', type: 'image/png', size: files[1].length, sha256: createHash('sha256').update(files[1]).digest('hex') },
				],
			},
		]);

		const ticket = await call(`/v1/products/11/tickets/${created.body.id}`, { headers: DESK360 });
		expect(ticket.body.messages[0].attachments.images).toEqual([expect.objectContaining({ name: 'shot.png' })]);
		expect(ticket.body.messages[0].attachments.files).toEqual([expect.objectContaining({ name: 'notes.txt' })]);

		// Reset restores the seed: the new ticket is gone and nothing is recorded.
		await post('/__sandbox/reset', {});
		expect((await call(`/v1/products/11/tickets/${created.body.id}`, { headers: DESK360 })).status).toBe(404);
		expect((await stats()).writes).toEqual([]);
	});

	it('reads multipart bodies with a mixed-case boundary (as axios writes them) and keeps WhatsApp media', async () => {
		const boundary = 'Axios-Boundary-AbC123';
		const image = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
		const body = Buffer.concat([
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="to"\r\n\r\n+905551234567\r\n`),
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments[]"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
			image,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		const sent = await call('/v1/products/11/conversations/messages/media', {
			method: 'POST',
			headers: { ...DESK360, 'content-type': `multipart/form-data; boundary=${boundary}` },
			body,
		});
		expect(sent.status).toBe(200);
		expect(sent.body.media).toEqual([expect.objectContaining({ name: 'photo.jpg', mime_type: 'image/jpeg', size: image.length })]);

		const download = await fetch(`${base}/v1/products/11/conversations/messages/media/${sent.body.media[0].media_id}`, { headers: DESK360 });
		expect(Buffer.from(await download.arrayBuffer())).toEqual(image);
		expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="photo.jpg"/);
		expect((await stats()).writes[0]).toMatchObject({ body: { to: '+905551234567' }, files: [{ field: 'attachments[]', name: 'photo.jpg' }] });
	});

	it('answers validation failures with Laravel’s messages and records no write', async () => {
		const answer = await post('/v1/products/11/tickets', { name: 'A', reason_id: 1, description: 'x', status: 1 }, DESK360);
		expect(answer.status).toBe(422);
		expect(answer.body.error).toMatchObject({ code: 'failed_validation', message: 'The email field is required.' });
		const tooLong = await post('/v1/products/11/conversations/messages', { to: '+905551234567', text: 'x'.repeat(4097) }, DESK360);
		expect(tooLong.body.error.message).toBe('The text must not be greater than 4096 characters.');
		expect((await stats()).writes).toEqual([]);
	});
});

describe('sandbox › Sendbird Desk', () => {
	it('pages ticket notes with absolute next links and checks limit and token', async () => {
		const first = await call('/sendbird/platform/v1/ticket_notes?limit=5', { headers: SENDBIRD });
		expect(first.status).toBe(200);
		expect(first.body.results).toHaveLength(5);
		expect(first.body.previous).toBeNull();
		expect(first.body.next).toBe(`${base}/sendbird/platform/v1/ticket_notes?limit=5&offset=5`);
		const second = await fetch(first.body.next, { headers: SENDBIRD }).then(async (response) => await response.json());
		expect(second.results.map((note: { id: number }) => note.id)).not.toContain(first.body.results[0].id);
		expect(second.count).toBe(first.body.count);

		const tooMany = await call('/sendbird/platform/v1/ticket_notes?limit=101', { headers: SENDBIRD });
		expect([tooMany.status, tooMany.body]).toEqual([400, { message: 'The value of limit should be between 1 and 100.', code: 400113 }]);
		expect((await call('/sendbird/platform/v1/ticket_notes')).status).toBe(401);
		expect((await call('/sendbird/platform/v1/ticket_notes', { headers: { SENDBIRDDESKAPITOKEN: 'nope' } })).status).toBe(403);

		const note = await post('/sendbird/platform/v1/ticket_notes', { ticketId: 1, note: 'x' }, SENDBIRD);
		expect(note.body).toEqual({ message: 'The specified ticketId doesn’t exist.', code: 400201 });
	});
});

describe('sandbox › webhooks', () => {
	let target: Server;
	let received: Array<{ url: string; headers: IncomingMessage['headers']; body: any; text: string }>;

	beforeAll(async () => {
		received = [];
		target = createServer(async (request, response) => {
			let text = '';
			for await (const chunk of request) text += chunk;
			received.push({ url: request.url!, headers: request.headers, body: JSON.parse(text), text });
			response.writeHead(202, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ message: 'Workflow was started' }));
		});
		await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
	});

	afterAll(async () => {
		await new Promise((resolve) => target.close(resolve));
	});

	beforeEach(() => {
		received.length = 0;
	});

	const hmac = (text: string, key: string) => `sha1=${createHmac('sha1', key).update(text).digest('hex')}`;

	it('posts a Sendbird Desk webhook signed as Sendbird signs it, with the same bytes on each retry', async () => {
		const { port } = target.address() as AddressInfo;
		const answer = await post('/__sandbox/sendbird-webhook', { url: `http://127.0.0.1:${port}/hook`, event: 'ticket.closed', ticketId: 12502, times: 3 });

		expect(answer.status).toBe(202);
		expect(answer.body).toMatchObject({ status: 202, body: { message: 'Workflow was started' }, elapsedMs: expect.any(Number) });
		expect(answer.body.answers).toHaveLength(3);
		expect(received).toHaveLength(3);
		expect(new Set(received.map((request) => request.text)).size).toBe(1);
		const [first] = received;
		expect(first.headers['x-hub-signature']).toBe(hmac(first.text, 'sandbox-sendbird-token'));
		expect(first.headers['content-type']).toBe('application/json');
		expect(first.body).toEqual(answer.body.sent);
		expect(first.body).toMatchObject({ event: 'ticket.closed', occurredAt: expect.any(Number), deliveryId: expect.any(String), ticket: { id: 12502 } });
	});

	it('posts Sendbird Desk webhooks with a wrong signature or none', async () => {
		const { port } = target.address() as AddressInfo;
		const url = `http://127.0.0.1:${port}/hook`;

		await post('/__sandbox/sendbird-webhook', { url, signature: 'wrong' });
		await post('/__sandbox/sendbird-webhook', { url, signature: 'none' });

		expect(received[0].headers['x-hub-signature']).toMatch(/^sha1=[0-9a-f]{40}$/);
		expect(received[0].headers['x-hub-signature']).not.toBe(hmac(received[0].text, 'sandbox-sendbird-token'));
		expect(received[1].headers['x-hub-signature']).toBeUndefined();
		expect((await post('/__sandbox/sendbird-webhook', { url, signature: 'maybe' })).status).toBe(400);
		expect((await post('/__sandbox/sendbird-webhook', { url, times: 4 })).status).toBe(400);
	});

	it('posts a WhatsApp event to the URL and answers with the target’s status and body', async () => {
		const { port } = target.address() as AddressInfo;
		const answer = await post('/__sandbox/webhook', {
			url: `http://127.0.0.1:${port}/webhook/abc`,
			kind: 'text',
			query: { secret: 's3cret' },
			headers: { 'X-Desk360-Secret': 'header-secret' },
		});
		expect(answer.status).toBe(202);
		expect(answer.body.body).toEqual({ message: 'Workflow was started' });
		expect(received).toHaveLength(1);
		expect(received[0].url).toBe('/webhook/abc?secret=s3cret');
		expect(received[0].headers['x-desk360-secret']).toBe('header-secret');
		expect(received[0].body).toEqual(answer.body.sent);
		expect(received[0].body.messages).toEqual(
			expect.objectContaining({ type: 'text', text: 'Hello', id: expect.stringMatching(/^ABEGkF/), timestamp: expect.stringMatching(/^\d{10}$/) }),
		);
	});

	it('makes the media of an image event downloadable from the media endpoint', async () => {
		const { port } = target.address() as AddressInfo;
		const answer = await post('/__sandbox/webhook', { url: `http://127.0.0.1:${port}/hook`, kind: 'image' });
		const { media_id: mediaId, mime_type: mimeType, sha } = answer.body.sent.messages.image;
		const response = await fetch(`${base}/v1/products/11/conversations/messages/media/${mediaId}`, { headers: DESK360 });
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(response.headers.get('content-type')).toBe(mimeType);
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.png"/);
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
	});
});

describe('sandbox › model (OpenAI-compatible, scripted)', () => {
	const MODEL = { authorization: 'Bearer sandbox-openai-key' };
	const tools = [
		{ type: 'function', function: { name: 'Get_ticket', description: 'Reads one', parameters: { type: 'object', properties: { ticket_id: { type: 'number' } } } } },
		{ type: 'function', function: { name: 'Add_note', description: 'Add a note to a ticket', parameters: { type: 'object', properties: { ticket_id: { type: 'number' }, note: { type: 'string' } } } } },
	];
	const chat = (messages: unknown[], extra: object = {}) =>
		post('/openai/v1/chat/completions', { model: 'sandbox-model', messages, tools, ...extra }, MODEL);
	const toolCalls = (answer: { body: any }) =>
		answer.body.choices[0].message.tool_calls?.map((call: any) => [call.function.name, JSON.parse(call.function.arguments)]);
	const calledThenAnswered = (name: string, id: string, content: string) => [
		{ role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name, arguments: '{}' } }] },
		{ role: 'tool', tool_call_id: id, content },
	];

	it('needs its API key and answers in OpenAI’s error format; lists its model', async () => {
		const refused = await post('/openai/v1/chat/completions', { messages: [] });
		expect(refused.status).toBe(401);
		expect(refused.body.error).toEqual(expect.objectContaining({ message: expect.stringContaining('sandbox-openai-key'), type: 'invalid_request_error' }));
		const models = await call('/openai/v1/models', { headers: MODEL });
		expect(models.body.data.map((model: { id: string }) => model.id)).toEqual(['sandbox-model']);
		expect((await post('/openai/v1/responses', {}, MODEL)).body.error.message).toMatch(/Use Responses API/);
	});

	it('answers the script step by step: calls (one or parallel, an argument from the last tool result), then text; records every request', async () => {
		const script = await post('/__sandbox/model/script', {
			steps: [
				{ tool: 'Get_ticket', arguments: { ticket_id: 7 } },
				{ calls: [{ tool: '/note/i', arguments: { ticket_id: { fromLastResult: 'id' }, note: 'Seen' } }, { tool: 'Get_ticket', arguments: { ticket_id: { fromLastResult: '0.messages.1.id' } } }] },
				{ answer: 'Done.' },
			],
		});
		expect(script.body).toEqual({ steps: 3 });
		const user = { role: 'user', content: 'Look at ticket 7' };
		const ticket = JSON.stringify([{ id: 7, messages: [{ id: 70 }, { id: 71 }] }]);

		const first = await chat([user]);
		const second = await chat([user, ...calledThenAnswered('Get_ticket', 'call_1', ticket)]);
		const third = await chat([user]);
		const fourth = await chat([user]);

		expect(toolCalls(first)).toEqual([['Get_ticket', { ticket_id: 7 }]]);
		expect(first.body.choices[0].finish_reason).toBe('tool_calls');
		expect(toolCalls(second)).toEqual([['Add_note', { ticket_id: 7, note: 'Seen' }], ['Get_ticket', { ticket_id: 71 }]]);
		expect(third.body.choices[0]).toEqual({ index: 0, message: { role: 'assistant', content: 'Done.' }, finish_reason: 'stop' });
		expect(fourth.status).toBe(400);
		expect(fourth.body.error.message).toMatch(/no step left/);
		const { body } = await call('/__sandbox/model/requests');
		expect(body.requests).toHaveLength(4);
		expect(body.requests[0]).toEqual(
			expect.objectContaining({ messages: [user], tools: tools.map(({ function: fn }) => fn), answer: { calls: [{ name: 'Get_ticket', arguments: { ticket_id: 7 } }] } }),
		);
		await post('/__sandbox/reset', {});
		expect((await call('/__sandbox/model/requests')).body).toEqual({ requests: [], stepsLeft: null });
	});

	it('refuses a script it cannot follow: a malformed step (400), a tool not offered (400 to the model)', async () => {
		expect((await post('/__sandbox/model/script', { steps: [{ say: 'hi' }] })).status).toBe(400);
		await post('/__sandbox/model/script', { steps: [{ tool: 'Delete_everything', arguments: {} }] });
		const answer = await chat([{ role: 'user', content: 'Go' }]);
		expect(answer.status).toBe(400);
		expect(answer.body.error.message).toMatch(/no tool offered matches "Delete_everything"; offered: Get_ticket, Add_note/);
	});

	it('streams when asked: chunks that add up to the same tool call, then [DONE]', async () => {
		await post('/__sandbox/model/script', { steps: [{ tool: 'Get_ticket', arguments: { ticket_id: 7 } }] });
		const answer = await chat([{ role: 'user', content: 'Go' }], { stream: true, stream_options: { include_usage: true } });
		const events = String(answer.body).split('\n\n').filter(Boolean).map((event) => event.replace(/^data: /, ''));
		expect(answer.headers.get('content-type')).toBe('text/event-stream');
		expect(events.at(-1)).toBe('[DONE]');
		const chunks = events.slice(0, -1).map((event) => JSON.parse(event));
		const calls = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
		expect(calls.map((each: any) => [each.function.name, JSON.parse(each.function.arguments)])).toEqual([['Get_ticket', { ticket_id: 7 }]]);
		expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason ?? null).filter(Boolean)).toEqual(['tool_calls']);
		expect(chunks.at(-1).usage).toEqual(expect.objectContaining({ total_tokens: 20 }));
	});

	it('without a script, reads the ticket the prompt names, notes it, then sums up what the tools returned', async () => {
		const user = { role: 'user', content: 'Please handle ticket #42' };
		const read = await chat([user]);
		const noted = await chat([user, ...calledThenAnswered('Get_ticket', 'call_1', '[{"id":42,"subject":"Refund"}]')]);
		const done = await chat([
			user,
			...calledThenAnswered('Get_ticket', 'call_1', '[{"id":42,"subject":"Refund"}]'),
			...calledThenAnswered('Add_note', 'call_2', '[{"id":9,"type":6}]'),
		]);

		expect(toolCalls(read)).toEqual([['Get_ticket', { ticket_id: 42 }]]);
		expect(toolCalls(noted)).toEqual([['Add_note', { ticket_id: 42, note: expect.stringContaining('sandbox model') }]]);
		expect(done.body.choices[0].message.content).toMatch(/Refund[\s\S]*"type":6/);
	});

	it('without a script, reads with the tool named for reading, not one whose description mentions reading', async () => {
		const reply = { type: 'function', function: { name: 'Reply', description: 'Reply to the customer. Read the ticket first with the tool that gets a ticket.', parameters: { type: 'object', properties: { ticket_id: { type: 'number' }, message: { type: 'string' } } } } };

		const read = await chat([{ role: 'user', content: 'Desk360 ticket 42 (updated)' }], { tools: [reply, ...tools] });

		expect(toolCalls(read)).toEqual([['Get_ticket', { ticket_id: 42 }]]);
	});
});
