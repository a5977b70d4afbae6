#!/usr/bin/env node
// Rate-limit benchmark (`npm run bench`): the packed package in real n8n
// against the local sandbox, each job next to its physical minimum and its
// target, and next to n8n's own HTTP Request node doing the same jobs.
//
//   npm run bench [-- --runs 3] [-- --storm-runs 20] [-- --only small,basic,laravel,reset,throttled,storm,queue,unthrottled] [-- --json results.json]
//
// About 20 minutes in all on a 2-core machine (the `reset` jobs, which start an
// n8n to serve a webhook, a few more); the two 25-create Basic-plan jobs take 2
// minutes each by nature.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import { controlSandbox, SANDBOX_CREDENTIALS, startSandbox } from '../sandbox/server.mjs';
import { executeWorkflow, nodeRun } from '../scripts/n8n-execute.mjs';
import { startQueueMode } from '../scripts/queue-mode.mjs';
import { importCredentials, importWorkflow, installPackedPackage, N8N_VERSION, n8nCli, startServer } from '../test/e2e/harness.mjs';
import { prepareScenario, reasonOf, runBulkBatch } from '../test/e2e-queue/scenario.mjs';
import { megabytes, median, percent, ratio, seconds, table } from './table.mjs';
import { CREDENTIAL_IDS, desk360Creates, desk360CreatesInSubExecutions, desk360List, httpCreates, httpList } from './workflows.mjs';

const GROUPS = ['small', 'basic', 'laravel', 'reset', 'throttled', 'storm', 'queue', 'unthrottled'];
const { values: options } = parseArgs({
	options: {
		runs: { type: 'string', default: '3' },
		'storm-runs': { type: 'string', default: '20' },
		only: { type: 'string' },
		json: { type: 'string' },
	},
});
const runs = Number(options.runs);
const selected = new Set(options.only ? options.only.split(',') : GROUPS);
for (const group of selected) if (!GROUPS.includes(group)) throw new Error(`--only: unknown group ${group} (${GROUPS.join(', ')})`);

const BASIC_PLAN = { limit: 10, windowMs: 60_000 };
const THROTTLED = { limit: 20, windowMs: 2000, mode: 'aligned' };
const PAGE_SIZE = 20;
const PRODUCT = 11;
// Product 11 gets tickets 1, 2, 3, 7, 8, 9, ... (3 of every 6): 99 seeded tickets give
// it 51 (3 pages), 1,999 give it 1,000, and 19,999 give it 10,000.
const SMALL_TICKETS = 99;
const THROTTLED_TICKETS = 1999;
const UNTHROTTLED_TICKETS = 19999;
const MODE_NAMES = {
	aligned: 'Reset on every answer',
	laravel: 'Laravel: Reset only with 429',
	'laravel-reset': 'windows from their first request, Reset rounded up on every answer',
};

function log(message) {
	process.stderr.write(`[bench] ${message}\n`);
}

const startedAt = Date.now();
const load = [loadavg()[0]];
const { userFolder, tarball } = installPackedPackage();
const sandbox = await startSandbox({ port: 0, tickets: THROTTLED_TICKETS });
const { desk360: account } = SANDBOX_CREDENTIALS;

const control = (path, body) => controlSandbox(sandbox.url, path, body);

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
const reasonId = reasonOf(sandbox, PRODUCT);
const common = { baseUrl: sandbox.url, productId: PRODUCT, reasonId, prefix: 'Bench' };
const ticketWrites = (stats) => stats.writes.filter((write) => write.route === 'POST /v1/products/:productId/tickets');

/** Creates: every item's name must be written exactly once. */
function createOutcome(stats, count) {
	const names = ticketWrites(stats).map((write) => write.body.name);
	const written = new Set(names);
	const expected = Array.from({ length: count }, (_, index) => `Bench ${index}`);
	return { duplicates: names.length - written.size, lost: expected.filter((name) => !written.has(name)).length };
}

/** Lists: every ticket of the product must come out exactly once. */
function listOutcome(items) {
	const ids = items.filter((item) => item.id !== undefined).map((item) => item.id);
	const returned = new Set(ids);
	return { items: ids.length, duplicates: ids.length - returned.size, lost: productTickets().filter((ticket) => !returned.has(ticket.id)).length };
}

/**
 * The physical minimum of `requests` at `limit` per window from a fresh window:
 * (⌈N/L⌉ − 1) windows after the first request's window starts, plus a round trip
 * (not counted). Aligned windows started before the first request.
 */
function physicalMinimumMs({ limit, windowMs, mode }, requests, firstAt) {
	const windowsAfter = Math.ceil(requests / limit) - 1;
	if (mode !== 'aligned' || windowsAfter === 0) return windowsAfter * windowMs;
	return firstAt - (firstAt % windowMs) + windowsAfter * windowMs - firstAt;
}

const imported = new Set();

/** Runs one job with `n8n execute` against a fresh sandbox; returns the node's time and what the sandbox saw. */
async function runJob(job) {
	for (const [index, workflow] of job.workflows.entries()) {
		if (imported.has(workflow.id)) continue;
		await importWorkflow(userFolder, workflow);
		// Sub-workflows run only in their published version.
		const published = index > 0 && (await n8nCli(userFolder, ['publish:workflow', `--id=${workflow.id}`]));
		if (published && published.status !== 0) throw new Error(`publish:workflow ${workflow.id} failed:\n${published.stdout}\n${published.stderr}`);
		imported.add(workflow.id);
	}
	await control('config', job.rateLimit ?? { limit: null });
	await control('reset', { tickets: job.tickets });
	log(`${job.job}: ${job.way}${job.run === undefined ? '' : ` (run ${job.run + 1})`}...`);
	const { wallMs, peakRssMb, data } = await executeWorkflow(userFolder, job.workflows[0].id);
	const stats = await control('stats');
	const node = nodeRun(data, 'Job');
	const outcome = job.kind === 'create' ? createOutcome(stats, job.count) : job.kind === 'list' ? listOutcome(node.items) : { duplicates: 0, lost: 0 };
	const writes = ticketWrites(stats);
	const firstAt = writes[0]?.at;
	const lastAt = writes.at(-1)?.at;
	const result = {
		...job,
		workflows: undefined,
		wallMs,
		peakRssMb,
		nodeMs: node.executionMs,
		requests: stats.requests,
		refused: stats.refused429,
		error: node.error,
		firstAt,
		lastAt,
		...outcome,
	};
	log(`  node ${seconds(result.nodeMs)}, wall ${seconds(wallMs)}, ${result.requests} requests, ${result.refused} refused, ${outcome.duplicates} duplicates, ${outcome.lost} lost${node.error ? `, error: ${node.error}` : ''}`);
	return result;
}

const results = { targets: [], throttled: [], unthrottled: [], storm: [], queue: [] };

/** A row of the targets table from one or more runs of the same job. */
function targetRow({ job, setting, runs: jobRuns, minimum, target, met }) {
	const times = jobRuns.map((run) => run.nodeMs ?? run.spanMs);
	const row = {
		job,
		setting,
		timeMs: median(times),
		times,
		minimum,
		target,
		met,
		refused: jobRuns.reduce((sum, run) => sum + run.refused, 0),
		requests: jobRuns.reduce((sum, run) => sum + run.requests, 0),
		duplicates: jobRuns.reduce((sum, run) => sum + run.duplicates, 0),
		lost: jobRuns.reduce((sum, run) => sum + run.lost, 0),
		failed: jobRuns.filter((run) => run.error || (run.executions && run.executions.some((execution) => execution.status !== 'success'))).length,
		runs: jobRuns.length,
	};
	results.targets.push(row);
	return row;
}

const fmtMin = (ms) => (ms === 0 ? 'one round trip' : seconds(ms));

if (selected.has('small')) {
	const jobs = [
		{ job: 'Return All over 3 pages', kind: 'list', workflows: [desk360List(common)], count: 0, limitMs: 500 },
		{ job: '5 creates in one execution', kind: 'create', workflows: [desk360Creates({ ...common, count: 5 })], count: 5, limitMs: 500 },
		{ job: '5 one-item executions in a row', kind: 'create', workflows: desk360CreatesInSubExecutions({ ...common, count: 5 }), count: 5, limitMs: 1000 },
	];
	const settings = [
		{ name: 'free', rateLimit: null },
		...['laravel', 'aligned'].map((mode) => ({ name: mode, rateLimit: { ...BASIC_PLAN, mode } })),
	];
	for (const job of jobs) {
		// Runs alternate between the settings, so that a slow moment of the machine favours none.
		const byName = Object.fromEntries(settings.map(({ name }) => [name, []]));
		for (let run = 0; run < runs; run++) {
			for (const { name, rateLimit } of settings) byName[name].push(await runJob({ ...job, way: 'Desk360 node', rateLimit, tickets: SMALL_TICKETS, run }));
		}
		// The physical minimum, measured: the same job without any rate limit (network and n8n only).
		const free = median(byName.free.map((run) => run.nodeMs));
		for (const mode of ['laravel', 'aligned']) {
			const jobRuns = byName[mode];
			const time = median(jobRuns.map((run) => run.nodeMs));
			targetRow({
				job: job.job,
				setting: `Basic plan, 10 per 60 s, fresh window (${MODE_NAMES[mode]})`,
				runs: jobRuns,
				minimum: `${seconds(free)} (the same job without a limit)`,
				target: `≤ ${seconds(job.limitMs)}`,
				met: time <= job.limitMs && jobRuns.every((run) => !run.error && run.lost === 0 && run.duplicates === 0),
			});
		}
	}
}

if (selected.has('basic')) {
	for (const mode of ['aligned', 'laravel']) {
		const rateLimit = { ...BASIC_PLAN, mode };
		const run = await runJob({ job: '25 creates', kind: 'create', way: 'Desk360 node', workflows: [desk360Creates({ ...common, count: 25 })], count: 25, rateLimit, tickets: SMALL_TICKETS });
		const minimum = physicalMinimumMs(rateLimit, 25, run.firstAt);
		const limitMs = 1.05 * 120_000;
		targetRow({
			job: '25 creates in one execution',
			setting: `Basic plan, 10 per 60 s (${MODE_NAMES[mode]})`,
			runs: [run],
			minimum: `${fmtMin(minimum)}${mode === 'aligned' ? ' (windows on the minute: less from a late start)' : ''}`,
			target: '≤ 1.05 × 120 s = 126 s',
			met: run.nodeMs <= limitMs && !run.error && run.lost === 0 && run.duplicates === 0,
		});
	}
}

if (selected.has('laravel')) {
	const rateLimit = { limit: 10, windowMs: 2000, mode: 'laravel' };
	const jobRuns = [];
	for (let run = 0; run < runs; run++) {
		jobRuns.push(await runJob({ job: '100 creates', kind: 'create', way: 'Desk360 node', workflows: [desk360Creates({ ...common, count: 100 })], count: 100, rateLimit, tickets: SMALL_TICKETS, run }));
	}
	const time = median(jobRuns.map((run) => run.nodeMs));
	targetRow({
		job: '100 creates in one execution',
		setting: '10 per 2 s, windows from their first request, Reset rounded up (Laravel)',
		runs: jobRuns,
		minimum: fmtMin(physicalMinimumMs(rateLimit, 100)),
		target: '≤ 1.10 × N/L×W = 22 s',
		met: time <= 22_000 && jobRuns.every((run) => !run.error && run.lost === 0 && run.duplicates === 0),
	});
}

if (selected.has('reset')) {
	const rateLimit = { limit: 10, windowMs: 2000, mode: 'laravel-reset' };
	const setting = `10 per 2 s, ${MODE_NAMES['laravel-reset']}`;
	const minimum = fmtMin(physicalMinimumMs(rateLimit, 100));
	const target = '≤ 1.10 × N/L×W = 22 s';
	const jobRuns = [];
	for (let run = 0; run < runs; run++) {
		jobRuns.push(await runJob({ job: '100 creates', kind: 'create', way: 'Desk360 node', workflows: [desk360Creates({ ...common, count: 100 })], count: 100, rateLimit, tickets: SMALL_TICKETS, run }));
	}
	// Timed from the first ticket to the last, as the 2 × 50 row is (and its minimum).
	const spans = jobRuns.map((run) => ({ ...run, nodeMs: undefined, spanMs: run.lastAt - run.firstAt }));
	targetRow({
		job: `100 creates in one execution: first to last ticket (node time ${jobRuns.map((run) => seconds(run.nodeMs)).join(' / ')})`,
		setting,
		runs: spans,
		minimum,
		target,
		met: median(spans.map((run) => run.spanMs)) <= 22_000 && spans.every((run) => !run.error && run.lost === 0 && run.duplicates === 0),
	});
	// Two executions at once in one n8n (one rate gate): the queue scenario's webhook, called twice at once.
	log('one n8n serving the bulk-create webhook...');
	await prepareScenario(sandbox)((args) => n8nCli(userFolder, args));
	const server = await startServer(userFolder);
	try {
		const batches = [];
		for (let run = 0; run < runs; run++) {
			log(`2 × 50 creates at once, ${MODE_NAMES['laravel-reset']} (run ${run + 1})...`);
			const batch = await runBulkBatch({ ...server, workerOf: () => 'main' }, sandbox, { executions: 2, creates: 50, rateLimit });
			log(`  ${seconds(batch.spanMs)} first to last ticket, ${batch.refused} refused of ${batch.requests}, ${batch.duplicates} duplicates, ${batch.lost} lost`);
			batches.push(batch);
		}
		targetRow({
			job: '2 webhook executions × 50 creates at once, one n8n: first to last ticket',
			setting,
			runs: batches,
			minimum,
			target,
			met: median(batches.map((batch) => batch.spanMs)) <= 22_000 && batches.every((batch) => batch.duplicates === 0 && batch.lost === 0),
		});
	} finally {
		await server.stop();
	}
}

if (selected.has('throttled')) {
	const CREATES = 400;
	const nominal = (requests) => ({ requests, ms: (requests / THROTTLED.limit) * THROTTLED.windowMs });
	const createJob = `${CREATES} ticket creates from ${CREATES} items`;
	const listJob = 'Return All over 1,000 tickets';
	const creates = { ...common, count: CREATES };
	const jobs = [
		{ job: createJob, kind: 'create', count: CREATES, minimum: nominal(CREATES), way: 'Desk360 node (this package)', workflows: [desk360Creates(creates)] },
		{ job: createJob, kind: 'create', count: CREATES, minimum: nominal(CREATES), way: 'HTTP Request + Retry On Fail (5 tries, 5 s)', workflows: [httpCreates(creates)] },
		{
			job: createJob,
			kind: 'create',
			count: CREATES,
			minimum: nominal(CREATES),
			way: 'HTTP Request + Retry On Fail, Batching 1 item per 100 ms (tuned by hand)',
			workflows: [httpCreates({ ...creates, batching: { batchSize: 1, batchInterval: 100 } })],
		},
		{ job: listJob, kind: 'list', minimum: nominal(1000 / PAGE_SIZE), way: 'Desk360 node (this package)', workflows: [desk360List(common)] },
		{ job: listJob, kind: 'list', minimum: nominal(1000 / PAGE_SIZE), way: 'HTTP Request pagination (Link header) + Retry On Fail', workflows: [httpList(common)] },
		{
			job: listJob,
			kind: 'list',
			minimum: nominal(1000 / PAGE_SIZE),
			way: 'HTTP Request pagination + Interval Between Requests 100 ms (tuned by hand)',
			workflows: [httpList({ ...common, requestInterval: 100 })],
		},
	];
	for (const job of jobs) results.throttled.push(await runJob({ ...job, rateLimit: THROTTLED, tickets: THROTTLED_TICKETS }));
	// This package's run again, for a median against the minimum of each run's start.
	const ours = [results.throttled[0]];
	for (let run = 1; run < runs; run++) ours.push(await runJob({ ...jobs[0], rateLimit: THROTTLED, tickets: THROTTLED_TICKETS, run }));
	// The pacing is timed from the first ticket to the last, as the minimum is: before the first
	// request n8n's declarative engine prepares every item's request (about 1 s for 400 items).
	const spans = ours.map((run) => ({ ...run, nodeMs: undefined, spanMs: run.lastAt - run.firstAt }));
	const ratios = spans.map((run) => run.spanMs / physicalMinimumMs(THROTTLED, CREATES, run.firstAt));
	targetRow({
		job: `${createJob}: first to last ticket (node time ${ours.map((run) => seconds(run.nodeMs)).join(' / ')})`,
		setting: '20 per 2 s (Reset on every answer)',
		runs: spans,
		minimum: `${ours.map((run) => fmtMin(physicalMinimumMs(THROTTLED, CREATES, run.firstAt))).join(' / ')} (each run's start); × ${ratios.map((value) => value.toFixed(3)).join(' / ')}`,
		target: '≤ 1.03 × minimum, no 429',
		met: median(ratios) <= 1.03 && ours.every((run) => run.refused === 0 && !run.error),
	});
}

if (selected.has('storm')) {
	const stormRuns = Number(options['storm-runs']);
	for (let run = 0; run < stormRuns; run++) {
		// A seed per run: each run meets another storm.
		const rateLimit = { limit: 1000, windowMs: 60_000, storm: 0.3, seed: run + 1 };
		results.storm.push(await runJob({ job: '100 creates in a 429 storm', kind: 'create', way: 'Desk360 node', workflows: [desk360Creates({ ...common, count: 100 })], count: 100, rateLimit, tickets: SMALL_TICKETS, run }));
	}
	const row = targetRow({
		job: `100 creates, ${stormRuns} executions`,
		setting: '30 % random 429s with Retry-After 1 s, budget otherwise free',
		runs: results.storm,
		minimum: '–',
		target: '0 failed executions, 0 duplicates, 0 lost',
		met: false,
	});
	row.met = row.failed === 0 && row.duplicates === 0 && row.lost === 0;
}

if (selected.has('queue')) {
	log('queue mode: starting Redis, PostgreSQL, n8n main and 2 workers...');
	const cluster = await startQueueMode({ tarball, prepare: prepareScenario(sandbox), log });
	try {
		for (const mode of ['aligned', 'laravel']) {
			const rateLimit = { ...THROTTLED, mode };
			const batches = [];
			for (let run = 0; run < runs; run++) {
				log(`queue mode, ${MODE_NAMES[mode]}: 4 × 50 creates (run ${run + 1})...`);
				const batch = await runBulkBatch(cluster, sandbox, { executions: 4, creates: 50, rateLimit });
				log(`  ${seconds(batch.spanMs)} first to last ticket, ${batch.refused} refused of ${batch.requests}, ${batch.duplicates} duplicates, ${batch.lost} lost, workers ${batch.executions.map((execution) => execution.worker).join(', ')}`);
				batches.push({ ...batch, mode });
			}
			results.queue.push(...batches);
			const time = median(batches.map((batch) => batch.spanMs));
			const refusedShare = batches.reduce((sum, batch) => sum + batch.refused, 0) / batches.reduce((sum, batch) => sum + batch.requests, 0);
			targetRow({
				job: 'queue mode: 4 webhook executions × 50 creates, 2 workers: first to last ticket',
				setting: `20 per 2 s (${MODE_NAMES[mode]})`,
				runs: batches,
				minimum: `${fmtMin(physicalMinimumMs({ ...rateLimit, mode: 'laravel' }, 200))} (N/L×W ${seconds(batches[0].minimumMs)})`,
				target: '≤ 1.2 × N/L×W = 24 s, ≤ 5 % 429s',
				met: time <= 1.2 * batches[0].minimumMs && refusedShare <= 0.05 && batches.every((batch) => batch.duplicates === 0 && batch.lost === 0),
			});
		}
	} finally {
		await cluster.stop();
	}
}

if (selected.has('unthrottled')) {
	const ways = [
		{ way: 'Desk360 node (this package)', workflows: [desk360List(common)] },
		{ way: 'HTTP Request pagination (Link header)', workflows: [httpList(common)] },
	];
	// Alternate the two, so that a slow moment of the machine does not favour one.
	for (let run = 0; run < runs; run++) {
		for (const { way, workflows } of ways) {
			results.unthrottled.push(await runJob({ job: 'Return All over 10,000 tickets', kind: 'list', way, workflows, run, tickets: UNTHROTTLED_TICKETS }));
		}
	}
}

await sandbox.stop();
load.push(loadavg()[0]);

function targetsTable(rows) {
	return table(
		['Job', 'Sandbox', 'Time (median; each run)', 'Physical minimum', 'Target', 'Met', '429s (% of requests)', 'Duplicates', 'Lost', 'Failed executions'],
		rows.map((row) => [
			row.job,
			row.setting,
			`${seconds(row.timeMs)}${row.runs > 1 ? ` (${row.times.map((ms) => (ms / 1000).toFixed(2)).join(' / ')})` : ''}`,
			row.minimum,
			row.target,
			row.met ? 'yes' : '**no**',
			`${row.refused} (${percent(row.refused, row.requests)})`,
			String(row.duplicates),
			String(row.lost),
			`${row.failed} of ${row.runs}`,
		]),
	);
}

function throttledTable(rows) {
	const body = [];
	for (const job of [...new Set(rows.map((row) => row.job))]) {
		const jobRows = rows.filter((row) => row.job === job);
		const { minimum } = jobRows[0];
		body.push([job, '**requests / limit × window**', seconds(minimum.ms), '1.00×', '–', '–', `${minimum.requests} (1.00×)`, '0', '0', '0', '–']);
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
		['Job', 'Done with', 'Node time', '× N/L×W', '`n8n execute` wall', '× N/L×W', 'Requests (× min)', '429s (% of requests)', 'Duplicate writes/items', 'Lost items', 'Node result'],
		body,
	);
}

function unthrottledTable(rows) {
	const body = [...new Set(rows.map((row) => row.way))].map((way) => {
		const wayRuns = rows.filter((row) => row.way === way);
		const pick = (key) => median(wayRuns.map((row) => row[key]));
		return [
			way,
			`${seconds(pick('nodeMs'))} (${wayRuns.map((row) => (row.nodeMs / 1000).toFixed(2)).join(' / ')})`,
			seconds(pick('wallMs')),
			megabytes(pick('peakRssMb')),
			String(pick('requests')),
			String(pick('items')),
			String(Math.max(...wayRuns.map((row) => row.lost + row.duplicates))),
		];
	});
	return table(
		['Return All over 10,000 tickets, no rate limit', `Node time, median (each of ${rows.length / 2} runs)`, '`n8n execute` wall, median', 'Peak RSS of n8n', 'Requests', 'Items', 'Lost + duplicates'],
		body,
	);
}

const report = [];
if (results.targets.length) report.push(`### Targets: each job next to its physical minimum (n8n ${N8N_VERSION}, local sandbox)`, '', targetsTable(results.targets), '');
if (results.throttled.length) {
	report.push(`### Rate limited: ${THROTTLED.limit} requests per ${THROTTLED.windowMs / 1000} s window, this package and n8n's HTTP Request node`, '', throttledTable(results.throttled), '');
}
if (results.unthrottled.length) report.push('### No rate limit', '', unthrottledTable(results.unthrottled), '');
report.push(`Took ${Math.round((Date.now() - startedAt) / 60_000)} min; load average ${load.map((value) => value.toFixed(1)).join(' at the start, ')} at the end (other work on this machine adds noise).`);
process.stdout.write(`\n${report.join('\n')}\n`);
if (options.json) writeFileSync(options.json, JSON.stringify(results, null, 2));
