#!/usr/bin/env node
// A local sandbox that behaves like Desk360 (/v1/...) and Sendbird Desk
// (/sendbird/platform/v1/...) as their documents describe them, and a scripted
// OpenAI-compatible model (/openai/v1/...) for n8n's AI Agent, with seeded
// data, an optional fixed-window rate limit and control endpoints under
// /__sandbox/ for tests and benchmarks. Dev tooling: not part of dist.
//
//   node sandbox/server.mjs [--port 8360] [--limit 20 --window 2000 --mode aligned|laravel|laravel-reset] [--storm 0.3] [--seed 42] [--tickets 300]
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { BodyError, fileSummary, readBody } from './body.mjs';
import { createAuthState, expireTokens } from './desk360Auth.mjs';
import { changeTicketInPanel, desk360Api } from './desk360.mjs';
import { fileAnswer, seedMedia } from './media.mjs';
import { createModelState, serveModel, setScript } from './model.mjs';
import { createRateLimiter, parseRateLimit } from './rateLimit.mjs';
import { ApiError, Router } from './router.mjs';
import { SANDBOX_CREDENTIALS, seedData } from './seed.mjs';
import { sendbirdApi } from './sendbird.mjs';
import { postSendbirdWebhook, postWebhook, SENDBIRD_SIGNATURES, WEBHOOK_KINDS } from './webhooks.mjs';

export { SANDBOX_CREDENTIALS } from './seed.mjs';
export { WEBHOOK_KINDS } from './webhooks.mjs';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function emptyStats() {
	return { requests: 0, refused429: 0, storm429: 0, byRoute: {}, byStatus: {}, writes: [], logins: 0, failedLogins: 0 };
}

function bump(counts, key) {
	counts[key] = (counts[key] ?? 0) + 1;
}

/** Puts the seed data back and forgets requests, tokens and login attempts; keeps the rate-limit setting. */
function resetState(state) {
	state.data = seedData({ seed: state.seed, tickets: state.tickets });
	seedMedia(state.data.media);
	state.stats = emptyStats();
	state.auth = createAuthState();
	state.faults = { status: 500, remaining: 0, method: null };
	state.model = createModelState();
	for (const limiter of Object.values(state.limiters)) limiter.clear();
}

function createState({ seed, tickets, rateLimit, behindProxy }) {
	const config = parseRateLimit(rateLimit);
	const state = {
		seed,
		tickets,
		behindProxy,
		limiters: { desk360: createRateLimiter(config), sendbird: createRateLimiter(config) },
		get rateLimit() {
			return this.limiters.desk360.config;
		},
	};
	resetState(state);
	return state;
}

function send(res, answer, extraHeaders = {}) {
	const headers = { ...extraHeaders, ...answer.headers };
	if (answer.bytes) {
		res.writeHead(answer.status, headers);
		res.end(answer.bytes);
		return;
	}
	const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
	res.writeHead(answer.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

function errorAnswer(service, error) {
	let apiError = error;
	if (error instanceof BodyError) {
		apiError = new ApiError(error.status, service.name === 'desk360' ? 'failed_validation' : 400111, error.message);
	} else if (!(error instanceof ApiError)) {
		process.stderr.write(`[sandbox] ${error?.stack ?? error}\n`);
		apiError = service.serverError();
	}
	return { status: apiError.status, body: service.errorBody(apiError), headers: apiError.headers };
}

/** Whether this request gets the injected server error (POST /__sandbox/faults). */
function takeFault(state, method) {
	const { faults } = state;
	if (faults.remaining <= 0 || (faults.method && faults.method !== method)) return false;
	faults.remaining--;
	return true;
}

/** One request to Desk360 or Sendbird: counted, rate limited, routed, authenticated, answered. */
async function serveApi(service, state, req, res, url) {
	const { stats } = state;
	const method = req.method ?? 'GET';
	const match = service.router.match(method, url.pathname);
	const routeKey = `${method} ${match?.route?.pattern ?? url.pathname}`;
	stats.requests++;
	bump(stats.byRoute, routeKey);
	const limit = state.limiters[service.name].take(Date.now());
	const headers = service.rateHeaders && limit.headers ? limit.headers : {};
	let answer;
	try {
		if (!limit.allowed) {
			stats.refused429++;
			if (limit.storm) stats.storm429++;
			const refusal = service.tooManyRequests();
			refusal.headers = { 'Retry-After': String(limit.retryAfter) };
			throw refusal;
		}
		if (takeFault(state, method)) throw Object.assign(service.serverError(), { status: state.faults.status });
		if (!match) throw service.notFound();
		if (match.allowed) throw service.methodNotAllowed(method, match.allowed);
		// The addresses the API builds (next pages): this server's, or behind a proxy the real service's.
		const linkUrl = (pathname) => (state.behindProxy ? service.publicUrl(pathname) : new URL(pathname, url.origin).href);
		const ctx = { req, method, url, query: url.searchParams, params: match.params, origin: url.origin, linkUrl, state, data: state.data, body: {}, files: [] };
		if (!match.route.public) ctx.agent = service.authenticate(ctx);
		if (BODY_METHODS.has(method)) Object.assign(ctx, await readBody(req));
		answer = await match.route.handler(ctx);
		answer.status ??= 200;
		if (BODY_METHODS.has(method) && !match.route.public && answer.status < 300) {
			const write = { route: routeKey, method, path: url.pathname, at: Date.now(), status: answer.status, body: ctx.body };
			if (ctx.files.length) write.files = ctx.files.map(fileSummary);
			stats.writes.push(write);
		}
	} catch (error) {
		answer = errorAnswer(service, error);
	}
	bump(stats.byStatus, answer.status);
	send(res, answer, headers);
}

const controlError = (status, message) => new ApiError(status, status, message);

function controlApi(state, info) {
	const json = (body, status = 200) => ({ status, body });
	return new Router('/__sandbox')
		.add('GET', '/stats', () => json({ ...state.stats, rateLimit: state.rateLimit }))
		.add('GET', '/info', (ctx) => json(info(ctx.origin)))
		.add('POST', '/reset', ({ body }) => {
			if (body.seed !== undefined) state.seed = Number(body.seed);
			if (body.tickets !== undefined) state.tickets = Number(body.tickets);
			if (!Number.isInteger(state.seed) || !Number.isInteger(state.tickets) || state.tickets < 0) {
				throw controlError(400, 'seed and tickets must be whole numbers');
			}
			resetState(state);
			return json({ reset: true, seed: state.seed, tickets: state.tickets, rateLimit: state.rateLimit });
		})
		.add('POST', '/config', ({ body }) => {
			let config;
			try {
				config = parseRateLimit(body);
			} catch (error) {
				throw controlError(400, error.message);
			}
			for (const limiter of Object.values(state.limiters)) limiter.configure(config);
			return json({ rateLimit: state.rateLimit });
		})
		.add('POST', '/model/script', ({ body }) => {
			try {
				return json(setScript(state.model, body.steps));
			} catch (error) {
				throw controlError(400, error.message);
			}
		})
		.add('GET', '/model/requests', () => json({ requests: state.model.requests, stepsLeft: state.model.steps?.length ?? null }))
		.add('POST', '/expire-tokens', () => json({ expired: expireTokens(state) }))
		.add('POST', '/proxy', ({ body }) => {
			if (typeof body.behindProxy !== 'boolean') throw controlError(400, 'behindProxy must be true or false');
			state.behindProxy = body.behindProxy;
			return json({ behindProxy: state.behindProxy });
		})
		.add('POST', '/faults', ({ body }) => {
			const { status = 500, count = 1, method = null } = body;
			if (![500, 502, 503, 504].includes(status) || !Number.isInteger(count) || count < 0) {
				throw controlError(400, 'status must be 500, 502, 503 or 504 and count a whole number');
			}
			state.faults = { status, remaining: count, method };
			return json({ faults: state.faults });
		})
		.add('POST', '/webhook', async ({ body, origin }) => {
			if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) throw controlError(400, 'url must be an http(s) URL');
			if (!WEBHOOK_KINDS.includes(body.kind)) throw controlError(400, `kind must be one of ${WEBHOOK_KINDS.join(', ')}`);
			try {
				const result = await postWebhook(body, { media: state.data.media, baseUrl: origin });
				return json(result, result.status);
			} catch (error) {
				throw controlError(502, `could not post to ${body.url}: ${error.cause?.message ?? error.message}`);
			}
		})
		.add('POST', '/sendbird-webhook', async ({ body }) => {
			if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) throw controlError(400, 'url must be an http(s) URL');
			const { signature = 'valid', times = 1, ticketId } = body;
			if (!SENDBIRD_SIGNATURES.includes(signature)) throw controlError(400, `signature must be one of ${SENDBIRD_SIGNATURES.join(', ')}`);
			if (!Number.isInteger(times) || times < 1 || times > 3) throw controlError(400, 'times must be 1, 2 or 3 (Sendbird tries a delivery up to 3 times)');
			const { tickets } = state.data.sendbird;
			const ticket = ticketId === undefined ? tickets[0] : tickets.find((each) => each.id === Number(ticketId));
			if (!ticket) throw controlError(404, `no Sendbird ticket ${ticketId}`);
			try {
				const result = await postSendbirdWebhook(body, { ticket, apiToken: SANDBOX_CREDENTIALS.sendbird.apiToken });
				return json(result, result.status);
			} catch (error) {
				throw controlError(502, `could not post to ${body.url}: ${error.cause?.message ?? error.message}`);
			}
		})
		.add('POST', '/tickets/:ticketId', ({ body, params }) => {
			try {
				return json(changeTicketInPanel(state.data, params.ticketId, body));
			} catch (error) {
				throw controlError(error.status ?? 400, error.message);
			}
		})
		.add('GET', '/files/:mediaId/:name', ({ params }) => {
			const file = state.data.media.get(params.mediaId);
			if (!file) throw controlError(404, 'no such file');
			return fileAnswer(file, 'inline');
		});
}

async function serveControl(router, state, req, res, url) {
	const match = router.match(req.method, url.pathname);
	let answer;
	try {
		if (!match?.route) throw controlError(404, `no sandbox endpoint ${req.method} ${url.pathname}`);
		const { body } = BODY_METHODS.has(req.method) ? await readBody(req) : { body: {} };
		answer = await match.route.handler({ body, params: match.params, origin: url.origin });
	} catch (error) {
		const status = error.status ?? 500;
		answer = { status, body: { error: error.message } };
	}
	send(res, answer);
}

/** Calls a control endpoint of a running sandbox at `url`: GET without a body, POST with one. */
export async function controlSandbox(url, path, body) {
	const response = await fetch(`${url}/__sandbox/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
	return await response.json();
}

function urlHost(host) {
	if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
	return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the sandbox.
 * @param {{ port?: number, host?: string, rateLimit?: { limit?: number | null, windowMs?: number, mode?: 'aligned' | 'laravel' | 'laravel-reset', storm?: number } | null, seed?: number, tickets?: number, behindProxy?: boolean }} [options]
 *   tickets: how many Desk360 tickets to seed (default 300; products get 3:2:1 of them);
 *   behindProxy: next-page addresses name the real services' hosts, as behind a forwarding proxy
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void>, state: object }>}
 */
export async function startSandbox({ port = 0, host = '127.0.0.1', rateLimit = null, seed = 42, tickets = 300, behindProxy = false } = {}) {
	const state = createState({ seed, tickets, rateLimit, behindProxy });
	const services = { desk360: desk360Api(), sendbird: sendbirdApi() };
	const sendbirdBase = SANDBOX_CREDENTIALS.sendbird.basePath;
	const modelBase = SANDBOX_CREDENTIALS.openai.basePath;
	const info = (origin) => ({
		url: origin,
		desk360: { baseUrl: origin, ...SANDBOX_CREDENTIALS.desk360 },
		sendbird: { baseUrl: `${origin}${sendbirdBase}`, ...SANDBOX_CREDENTIALS.sendbird },
		openai: { baseUrl: `${origin}${modelBase}`, ...SANDBOX_CREDENTIALS.openai },
		rateLimit: state.rateLimit,
		webhookKinds: WEBHOOK_KINDS,
	});
	const control = controlApi(state, info);
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${urlHost(host)}:${port}`}`);
		let work;
		if (url.pathname.startsWith('/__sandbox/')) work = serveControl(control, state, req, res, url);
		else if (url.pathname.startsWith(`${modelBase}/`)) work = serveModel(state.model, req, res, url);
		else if (url.pathname === sendbirdBase || url.pathname.startsWith(`${sendbirdBase}/`)) work = serveApi(services.sendbird, state, req, res, url);
		else work = serveApi(services.desk360, state, req, res, url);
		work.catch((error) => {
			process.stderr.write(`[sandbox] ${error?.stack ?? error}\n`);
			if (!res.headersSent) send(res, { status: 500, body: { error: 'sandbox failure' } });
		});
	});
	await new Promise((resolveListen, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolveListen());
	});
	const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
	return {
		url: `http://${urlHost(host)}:${actualPort}`,
		port: actualPort,
		state,
		async stop() {
			server.closeAllConnections();
			await new Promise((done) => server.close(() => done()));
		},
	};
}

function describeLimit(limit) {
	if (!limit) return 'off';
	const budget = limit.limit === null ? 'no budget' : `${limit.limit} requests per ${limit.windowMs} ms (${limit.mode})`;
	return limit.storm ? `${budget}, storm: ${Math.round(limit.storm * 100)} % of requests refused` : budget;
}

function describe(sandbox) {
	const { desk360, sendbird, openai } = SANDBOX_CREDENTIALS;
	const limit = sandbox.state.rateLimit;
	const counts = sandbox.state.data.desk360.products.map(
		(product) => `${product.id} (${sandbox.state.data.desk360.tickets.filter((ticket) => ticket.product_id === product.id).length} tickets)`,
	);
	return [
		`Sandbox listening on ${sandbox.url}`,
		'',
		'Desk360',
		`  Base URL      ${sandbox.url}`,
		`  API token     ${desk360.apiToken}`,
		`  Login         ${desk360.email} / ${desk360.password}  (password access off: ${desk360.noAccessEmail})`,
		`  Products      ${counts.join(', ')}`,
		'Sendbird Desk',
		`  Base URL      ${sandbox.url}${sendbird.basePath}`,
		`  Application   ${sendbird.applicationId}`,
		`  API token     ${sendbird.apiToken}`,
		'Model (OpenAI-compatible, scripted)',
		`  Base URL      ${sandbox.url}${openai.basePath}`,
		`  API key       ${openai.apiKey}`,
		`Rate limit      ${describeLimit(limit)}`,
		`Control         GET ${sandbox.url}/__sandbox/stats, POST /__sandbox/reset, /config, /proxy, /faults, /webhook, /sendbird-webhook, /tickets/:id, /expire-tokens, /model/script; GET /model/requests`,
		'',
		'Press Ctrl-C to stop.',
		'',
	].join('\n');
}

async function main() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '8360' },
			host: { type: 'string', default: '127.0.0.1' },
			limit: { type: 'string' },
			window: { type: 'string', default: '60000' },
			mode: { type: 'string', default: 'aligned' },
			storm: { type: 'string' },
			seed: { type: 'string', default: '42' },
			tickets: { type: 'string', default: '300' },
			'behind-proxy': { type: 'boolean', default: false },
		},
	});
	const sandbox = await startSandbox({
		port: Number(values.port),
		host: values.host,
		rateLimit: parseRateLimit({
			limit: values.limit === undefined ? null : Number(values.limit),
			windowMs: Number(values.window),
			mode: values.mode,
			storm: values.storm === undefined ? 0 : Number(values.storm),
		}),
		seed: Number(values.seed),
		tickets: Number(values.tickets),
		behindProxy: values['behind-proxy'],
	});
	process.stdout.write(describe(sandbox));
	const stop = () => sandbox.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}
