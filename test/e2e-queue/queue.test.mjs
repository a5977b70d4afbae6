// End-to-end in n8n's queue mode (`npm run test:queue`): Redis, PostgreSQL, an
// n8n 2.8.4 main and two workers, the packed package installed in each, the
// sandbox as Desk360. Webhook-started executions of ticket creates share one
// account's rate limit across both workers; the Desk360 Trigger's webhooks are
// taken by main and run on a worker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startSandbox } from '../../sandbox/server.mjs';
import { packageRoot } from '../../scripts/n8n-runtime.mjs';
import { startQueueMode } from '../../scripts/queue-mode.mjs';
import { installPackedPackage } from '../e2e/harness.mjs';
import { finishedExecutions, postWhatsAppWebhook, prepareScenario, runBulkBatch, TRIGGER_WORKFLOW_ID } from './scenario.mjs';

const RATE_LIMIT = { limit: 20, windowMs: 2000 };
const log = (message) => process.stderr.write(`[queue] ${message}\n`);

let sandbox;
let cluster;

before(async () => {
	const { tarball } = installPackedPackage();
	sandbox = await startSandbox({ port: 0, rateLimit: RATE_LIMIT });
	cluster = await startQueueMode({ tarball, prepare: prepareScenario(sandbox), log });
});

after(async () => {
	await cluster?.stop();
	await sandbox?.stop();
});

describe('queue mode: main, Redis, PostgreSQL and two workers', () => {
	it('4 webhook executions of 50 creates on one account, on both workers at once: every ticket once, few 429s, near the minimum', async () => {
		const batch = await runBulkBatch(cluster, sandbox, { executions: 4, creates: 50, rateLimit: RATE_LIMIT });
		const share = batch.refused / batch.requests;
		log(
			`200 creates: ${(batch.spanMs / 1000).toFixed(2)} s from the first ticket to the last (${(batch.spanMs / batch.minimumMs).toFixed(2)}× N/L×W), ` +
				`${batch.refused} 429s of ${batch.requests} requests (${(100 * share).toFixed(1)} %), workers: ${batch.executions.map((run) => run.worker).join(', ')}`,
		);

		assert.deepEqual(batch.executions.map((run) => run.status), ['success', 'success', 'success', 'success']);
		assert.deepEqual(new Set(batch.executions.map((run) => run.worker)), new Set(['worker 1', 'worker 2']), 'both workers ran executions');
		assert.equal(batch.duplicates, 0, 'no ticket written twice');
		assert.equal(batch.lost, 0, 'no ticket lost');
		assert.equal(batch.unexpected, 0);
		assert.ok(share <= 0.05, `429s are ${(100 * share).toFixed(1)} % of the requests (target ≤ 5 %)`);
		assert.ok(batch.spanMs <= 1.2 * batch.minimumMs, `${batch.spanMs} ms against ${batch.minimumMs} ms (target ≤ 1.2×)`);
	});

	it('a WhatsApp webhook reaches the Desk360 Trigger through main and runs on a worker', async () => {
		for (const kind of ['text', 'status', 'bot_histories']) assert.equal(await postWhatsAppWebhook(cluster, sandbox, kind), 200, kind);
		const runs = await finishedExecutions(cluster, TRIGGER_WORKFLOW_ID, { count: 3, timeoutMs: 60_000 });
		assert.ok(runs.every((run) => run.status === 'success'), JSON.stringify(runs.map((run) => run.status)));
		for (const run of runs) assert.ok(cluster.workerOf(run.id), `execution ${run.id} ran on a worker`);
	});

	// HOOK for the lead: the Desk360 Ticket Trigger (a polling node) is being built on
	// another branch. Once the package has it, this test should publish a workflow with
	// it (add it to prepareScenario's extraWorkflows), add a ticket in the sandbox, and
	// assert that main's poll starts an execution that a worker runs with that ticket.
	const hasTicketTrigger = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).n8n.nodes.some((file) =>
		file.includes('Desk360TicketTrigger'),
	);
	it('a ticket trigger poll is handled in queue mode', { skip: !hasTicketTrigger && 'the package has no Desk360 Ticket Trigger yet' }, () => {
		assert.fail('write this test now that the Desk360 Ticket Trigger exists (see the comment above)');
	});
});
