#!/usr/bin/env node
// Rate-limit benchmark (`npm run bench`): the packed package in real n8n 2.8.4
// against the local sandbox, next to n8n's own HTTP Request node doing the same
// jobs, and the theoretical minimum the rate limit allows.
//
//   npm run bench [-- --runs 3] [-- --only throttled|unthrottled] [-- --json results.json]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { SANDBOX_CREDENTIALS, startSandbox } from '../sandbox/server.mjs';
import { importCredentials, importWorkflow, installPackedPackage } from '../test/e2e/harness.mjs';
import { executeWorkflow, nodeRun } from '../scripts/n8n-execute.mjs';
import { megabytes, median, percent, ratio, seconds, table } from './table.mjs';
import { CREDENTIAL_IDS, desk360Creates, desk360List, httpCreates, httpList } from './workflows.mjs';

const { values: options } = parseArgs({
	options: {
		runs: { type: 'string', default: '3' },
		only: { type: 'string' },
		json: { type: 'string' },
	},
});

const RATE_LIMIT = { limit: 20, windowMs: 2000 };
const CREATES = 400;
const PAGE_SIZE = 20;
const PRODUCT = 11;
// Product 11 gets tickets 1, 2, 3, 7, 8, 9, ... (3 of every 6): 1,999 seeded tickets
// give it 1,000, and 19,999 give it 10,000.
const THROTTLED_TICKETS = 1999;
const UNTHROTTLED_TICKETS = 19999;

function log(message) {
	process.stderr.write(`[bench] ${message}\n`);
}

const { userFolder } = installPackedPackage();
const sandbox = await startSandbox({ port: 0, rateLimit: RATE_LIMIT, tickets: THROTTLED_TICKETS });
const { desk360: account } = SANDBOX_CREDENTIALS;

async function control(path, body) {
	const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
	return await response.json();
}

await importCredentials(userFolder, [
	{
		id: CREDENTIAL_IDS.desk360Api,
		name: 'desk360Api',
		type: 'desk360Api',
		data: { authMode: 'apiToken', apiToken: account.apiToken, baseUrl: sandbox.url, sessionToken: '' },
	},
	{
		id: CREDENTIAL_IDS.httpHeaderAuth,
		name: 'httpHeaderAuth',
		type: 'httpHeaderAuth',
		data: { name: 'Authorization', value: `Bearer ${account.apiToken}` },
	},
]);

const productTickets = () => sandbox.state.data.desk360.tickets.filter((ticket) => ticket.product_id === PRODUCT);
const reasonId = sandbox.state.data.desk360.reasons.find((reason) => reason.product_id === PRODUCT).id;
const common = { baseUrl: sandbox.url, productId: PRODUCT, reasonId, count: CREATES, prefix: 'Bench' };

/** Creates: every item's name must be written exactly once. */
function createOutcome(stats) {
	const names = stats.writes.filter((write) => write.route === 'POST /v1/products/:productId/tickets').map((write) => write.body.name);
	const written = new Set(names);
	const expected = Array.from({ length: CREATES }, (_, index) => `Bench ${index}`);
	return { duplicates: names.length - written.size, lost: expected.filter((name) => !written.has(name)).length };
}

/** Lists: every ticket of the product must come out exactly once. */
function listOutcome(items) {
	const ids = items.filter((item) => item.id !== undefined).map((item) => item.id);
	const returned = new Set(ids);
	return {
		items: ids.length,
		duplicates: ids.length - returned.size,
		lost: productTickets().filter((ticket) => !returned.has(ticket.id)).length,
	};
}

async function runJob(job, tickets) {
	await importWorkflow(userFolder, job.workflow);
	await control('reset', { tickets });
	log(`${job.job}: ${job.way}...`);
	const { wallMs, peakRssMb, data } = await executeWorkflow(userFolder, job.workflow.id);
	const stats = await control('stats');
	const node = nodeRun(data, 'Job');
	const outcome = job.kind === 'create' ? createOutcome(stats) : listOutcome(node.items);
	const result = { ...job, workflow: undefined, wallMs, peakRssMb, nodeMs: node.executionMs, requests: stats.requests, refused: stats.refused429, error: node.error, ...outcome };
	log(`  node ${seconds(result.nodeMs)}, wall ${seconds(wallMs)}, ${result.requests} requests, ${result.refused} refused, ${outcome.duplicates} duplicates, ${outcome.lost} lost${node.error ? `, error: ${node.error}` : ''}`);
	return result;
}

const results = { rateLimit: RATE_LIMIT, throttled: [], unthrottled: [] };

if (options.only !== 'unthrottled') {
	await control('config', RATE_LIMIT);
	const minimum = (requests) => ({ requests, ms: (requests / RATE_LIMIT.limit) * RATE_LIMIT.windowMs });
	const createJob = `${CREATES} ticket creates from ${CREATES} items`;
	const listJob = 'Return All over 1,000 tickets';
	const jobs = [
		{ job: createJob, kind: 'create', minimum: minimum(CREATES), way: 'Desk360 node (this package)', workflow: desk360Creates(common) },
		{ job: createJob, kind: 'create', minimum: minimum(CREATES), way: 'HTTP Request + Retry On Fail (5 tries, 5 s)', workflow: httpCreates(common) },
		{
			job: createJob,
			kind: 'create',
			minimum: minimum(CREATES),
			way: 'HTTP Request + Retry On Fail, Batching 1 item per 100 ms (tuned by hand)',
			workflow: httpCreates({ ...common, batching: { batchSize: 1, batchInterval: 100 } }),
		},
		{ job: listJob, kind: 'list', minimum: minimum(1000 / PAGE_SIZE), way: 'Desk360 node (this package)', workflow: desk360List(common) },
		{ job: listJob, kind: 'list', minimum: minimum(1000 / PAGE_SIZE), way: 'HTTP Request pagination (Link header) + Retry On Fail', workflow: httpList(common) },
		{
			job: listJob,
			kind: 'list',
			minimum: minimum(1000 / PAGE_SIZE),
			way: 'HTTP Request pagination + Interval Between Requests 100 ms (tuned by hand)',
			workflow: httpList({ ...common, requestInterval: 100 }),
		},
	];
	for (const job of jobs) results.throttled.push(await runJob(job, THROTTLED_TICKETS));
}

if (options.only !== 'throttled') {
	await control('config', { limit: null });
	const runs = Number(options.runs);
	const ways = [
		{ way: 'Desk360 node (this package)', workflow: desk360List(common) },
		{ way: 'HTTP Request pagination (Link header)', workflow: httpList(common) },
	];
	// Alternate the two, so that a slow moment of the machine does not favour one.
	for (let run = 0; run < runs; run++) {
		for (const { way, workflow } of ways) {
			results.unthrottled.push(await runJob({ job: 'Return All over 10,000 tickets', kind: 'list', way, workflow, run }, UNTHROTTLED_TICKETS));
		}
	}
}

await sandbox.stop();

function throttledTable(rows) {
	const body = [];
	for (const job of [...new Set(rows.map((row) => row.job))]) {
		const jobRows = rows.filter((row) => row.job === job);
		const { minimum } = jobRows[0];
		body.push([job, '**theoretical minimum** (requests / limit × window)', seconds(minimum.ms), '1.00×', '–', '–', `${minimum.requests} (1.00×)`, '0', '0', '0', '–']);
		for (const row of jobRows) {
			body.push([
				job,
				row.way,
				seconds(row.nodeMs),
				ratio(row.nodeMs, minimum.ms),
				seconds(row.wallMs),
				ratio(row.wallMs, minimum.ms),
				`${row.requests} (${ratio(row.requests, minimum.requests)})`,
				`${row.refused} (${percent(row.refused, row.requests)})`,
				String(row.duplicates),
				String(row.lost),
				row.error ? `failed: ${row.error}` : 'succeeded',
			]);
		}
	}
	return table(
		['Job', 'Done with', 'Node time', '× min', '`n8n execute` wall', '× min', 'Requests (× min)', '429s (% of requests)', 'Duplicate writes/items', 'Lost items', 'Node result'],
		body,
	);
}

function unthrottledTable(rows) {
	const body = [...new Set(rows.map((row) => row.way))].map((way) => {
		const runs = rows.filter((row) => row.way === way);
		const pick = (key) => median(runs.map((row) => row[key]));
		return [
			way,
			`${seconds(pick('nodeMs'))} (${runs.map((row) => (row.nodeMs / 1000).toFixed(2)).join(' / ')})`,
			seconds(pick('wallMs')),
			megabytes(pick('peakRssMb')),
			String(pick('requests')),
			String(pick('items')),
			String(Math.max(...runs.map((row) => row.lost + row.duplicates))),
		];
	});
	return table(
		['Return All over 10,000 tickets, no rate limit', `Node time, median (each of ${rows.length / 2} runs)`, '`n8n execute` wall, median', 'Peak RSS of n8n', 'Requests', 'Items', 'Lost + duplicates'],
		body,
	);
}

const report = [];
if (results.throttled.length) {
	report.push(`### Rate limited: ${RATE_LIMIT.limit} requests per ${RATE_LIMIT.windowMs / 1000} s window (n8n 2.8.4, local sandbox)`, '', throttledTable(results.throttled), '');
}
if (results.unthrottled.length) report.push('### No rate limit', '', unthrottledTable(results.unthrottled), '');
process.stdout.write(`\n${report.join('\n')}\n`);
if (options.json) writeFileSync(options.json, JSON.stringify(results, null, 2));
