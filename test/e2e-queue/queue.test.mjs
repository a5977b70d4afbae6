// End-to-end in n8n's queue mode (`npm run test:queue`): Redis, PostgreSQL, an
// n8n main and two workers (N8N_VERSION, the newest supported by default), the
// packed package installed in each, the sandbox as Desk360. Webhook-started
// executions of ticket creates share one account's rate limit across both
// workers; the Desk360 Trigger's webhooks are taken by main and run on a worker;
// the Desk360 Ticket Trigger polls on main and its executions run on a worker.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { SANDBOX_CREDENTIALS, startSandbox } from '../../sandbox/server.mjs';
import { startQueueMode } from '../../scripts/queue-mode.mjs';
import { installPackedPackage } from '../e2e/harness.mjs';
import {
	executionOf,
	finishedExecutions,
	POLL_WORKFLOW_ID,
	POLLED_PRODUCT,
	postWhatsAppWebhook,
	prepareScenario,
	reasonOf,
	runBulkBatch,
	ticketTriggerWorkflow,
	TRIGGER_WORKFLOW_ID,
} from './scenario.mjs';

const RATE_LIMIT = { limit: 20, windowMs: 2000 };
const log = (message) => process.stderr.write(`[queue] ${message}\n`);

let sandbox;
let cluster;

before(async () => {
	const { tarball } = installPackedPackage();
	sandbox = await startSandbox({ port: 0, rateLimit: RATE_LIMIT });
	cluster = await startQueueMode({ tarball, prepare: prepareScenario(sandbox, { extraWorkflows: [ticketTriggerWorkflow()] }), log });
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

	it('a ticket trigger polls on main and a worker runs the execution with the new ticket', async () => {
		// Published before main started: its first poll set the cursor to now, so only a ticket made now is new.
		const name = `Queue poll ${Date.now()}`;
		const create = () =>
			fetch(`${sandbox.url}/v1/products/${POLLED_PRODUCT}/tickets`, {
				method: 'POST',
				headers: { authorization: `Bearer ${SANDBOX_CREDENTIALS.desk360.apiToken}`, 'content-type': 'application/json' },
				body: JSON.stringify({ name, email: 'poll@example.com', reason_id: reasonOf(sandbox, POLLED_PRODUCT), description: 'Polled in queue mode', status: 2 }),
			});
		// The account's budget is shared with the polls and the jobs before: a 429 is waited out as it asks.
		let response = await create();
		for (let tries = 1; response.status === 429 && tries < 10; tries++) {
			await new Promise((done) => setTimeout(done, 1000 * Number(response.headers.get('retry-after') ?? 1)));
			response = await create();
		}
		assert.equal(response.status, 201, await response.clone().text());
		// The next tick is at most a minute away.
		const [run] = await finishedExecutions(cluster, POLL_WORKFLOW_ID, { count: 1, timeoutMs: 90_000 });
		assert.equal(run.status, 'success');
		assert.ok(cluster.workerOf(run.id), `execution ${run.id} ran on a worker`);
		assert.ok((await executionOf(cluster, run.id)).data.includes(name), 'the execution carries the new ticket');
		// Later polls see nothing new: no second execution.
		await new Promise((done) => setTimeout(done, 65_000));
		assert.equal((await finishedExecutions(cluster, POLL_WORKFLOW_ID, { count: 1 })).length, 1);
	});
});
