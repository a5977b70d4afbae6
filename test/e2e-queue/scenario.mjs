// The queue-mode scenario of `npm run test:queue` and the benchmark: webhook-started
// executions of ticket creates on one Desk360 account, run by n8n's workers, and
// the Desk360 Trigger receiving a WhatsApp webhook through main.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { controlSandbox, SANDBOX_CREDENTIALS } from '../../sandbox/server.mjs';
import { executionsOf, PACKAGE } from '../e2e/harness.mjs';

export const CREDENTIAL_ID = 'queueDesk360Tok1';
export const BULK_WORKFLOW_ID = 'queueBulkCreate1';
export const TRIGGER_WORKFLOW_ID = 'queueTriggerFlow';
export const POLL_WORKFLOW_ID = 'queueTicketPolls';
/** The product the ticket trigger watches: not the one the bulk creates write to. */
export const POLLED_PRODUCT = 22;
const BULK_PATH = 'helpdesk-bulk-create';
const TRIGGER_WEBHOOK_ID = '9f1d2c3b-4a5e-4f60-8a7b-0c1d2e3f4a5b';
export const TRIGGER_SECRET = 'queue-webhook-secret';
const PRODUCT = 11;

const node = (id, name, type, typeVersion, position, parameters, extra = {}) => ({ id, name, type, typeVersion, position, parameters, ...extra });

/** Webhook → 50 items named "<prefix> <n>" → Desk360 Ticket Create, one ticket per item. */
function bulkWorkflow(reasonId, creates) {
	return {
		id: BULK_WORKFLOW_ID,
		name: 'Queue mode: bulk ticket creates',
		active: false,
		nodes: [
			node('hook', 'Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'POST', path: BULK_PATH, responseMode: 'onReceived', options: {} }, { webhookId: '3c9a7d51-1b2e-4f3a-9c8d-7e6f5a4b3c2d' }),
			node('items', 'Items', 'n8n-nodes-base.code', 2, [200, 0], {
				jsCode: `const { prefix } = $input.first().json.body;\nreturn Array.from({ length: ${creates} }, (_, i) => ({ json: { name: prefix + ' ' + i } }));`,
			}),
			node(
				'create',
				'Create',
				`${PACKAGE}.desk360`,
				1,
				[400, 0],
				{
					resource: 'ticket',
					operation: 'create',
					product: { __rl: true, mode: 'id', value: String(PRODUCT) },
					customerName: '={{ $json.name }}',
					email: 'queue@example.com',
					reason: reasonId,
					description: 'Created in queue mode',
					status: 2,
				},
				{ credentials: { desk360Api: { id: CREDENTIAL_ID, name: 'Desk360 sandbox' } } },
			),
		],
		connections: { Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] }, Items: { main: [[{ node: 'Create', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function triggerWorkflow() {
	return {
		id: TRIGGER_WORKFLOW_ID,
		name: 'Queue mode: Desk360 WhatsApp webhooks',
		active: false,
		nodes: [
			node('trigger', 'Desk360 Trigger', `${PACKAGE}.desk360Trigger`, 1, [0, 0], {
				events: ['messageReceived', 'statusUpdate', 'chatbotHistory', 'autoReply'],
				verification: 'queryParameter',
				secret: TRIGGER_SECRET,
			}, { webhookId: TRIGGER_WEBHOOK_ID }),
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/**
 * The Desk360 Ticket Trigger polling every 10 seconds (n8n's shortest: no "*" in
 * the seconds field) for new tickets of POLLED_PRODUCT.
 */
export function ticketTriggerWorkflow() {
	return {
		id: POLL_WORKFLOW_ID,
		name: 'Queue mode: Desk360 ticket polls',
		active: false,
		nodes: [
			node(
				'poll',
				'Desk360 Ticket Trigger',
				`${PACKAGE}.desk360TicketTrigger`,
				1,
				[0, 0],
				{
					// Every minute: n8n 2.41 refuses polling more often.
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					product: { __rl: true, mode: 'id', value: String(POLLED_PRODUCT) },
					events: ['newTicket'],
				},
				{ credentials: { desk360Api: { id: CREDENTIAL_ID, name: 'Desk360 sandbox' } } },
			),
		],
		connections: {},
		settings: { executionOrder: 'v1', timezone: 'UTC' },
	};
}

/** One execution as main keeps it, with its run data (flatted JSON text, as n8n stores it). */
export async function executionOf(cluster, id) {
	const response = await fetch(`${cluster.base}/rest/executions/${id}`, { headers: { cookie: cluster.cookie } });
	if (!response.ok) throw new Error(`GET /rest/executions/${id}: ${response.status} ${await response.text()}`);
	return (await response.json()).data;
}

async function importJson(cli, command, value) {
	const folder = mkdtempSync(join(tmpdir(), 'helpdesk-queue-import-'));
	const file = join(folder, 'import.json');
	writeFileSync(file, JSON.stringify(value));
	const result = await cli([command, `--input=${file}`]);
	rmSync(folder, { recursive: true, force: true });
	if (result.status !== 0) throw new Error(`${command} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The ID of a reason of `product` among the sandbox's seed data. */
export function reasonOf(sandbox, product) {
	return sandbox.state.data.desk360.reasons.find((reason) => reason.product_id === product).id;
}

/** The `prepare` step of startQueueMode: the sandbox credential and both workflows, published. */
export function prepareScenario(sandbox, { creates = 50, extraWorkflows = [] } = {}) {
	const reasonId = reasonOf(sandbox, PRODUCT);
	return async (cli) => {
		const { desk360 } = SANDBOX_CREDENTIALS;
		await importJson(cli, 'import:credentials', [
			{ id: CREDENTIAL_ID, name: 'Desk360 sandbox', type: 'desk360Api', data: { authMode: 'apiToken', apiToken: desk360.apiToken, baseUrl: sandbox.url, sessionToken: '' } },
		]);
		for (const workflow of [bulkWorkflow(reasonId, creates), triggerWorkflow(), ...extraWorkflows]) {
			await importJson(cli, 'import:workflow', [workflow]);
			const published = await cli(['publish:workflow', `--id=${workflow.id}`]);
			if (published.status !== 0) throw new Error(`publish ${workflow.id} failed:\n${published.stdout}\n${published.stderr}`);
		}
	};
}

/** Waits until `count` executions of a workflow have finished (more than `before`); returns the new ones. */
export async function finishedExecutions(cluster, workflowId, { before = 0, count, timeoutMs = 180_000 }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const all = await executionsOf(cluster, workflowId);
		const done = all.filter((execution) => execution.finished || ['success', 'error', 'crashed', 'canceled'].includes(execution.status));
		if (done.length >= before + count) return done.slice(0, done.length - before);
		if (Date.now() > deadline) throw new Error(`${done.length - before} of ${count} executions of ${workflowId} finished in ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/**
 * One batch: `executions` webhook calls at once, each creating `creates` tickets,
 * against the sandbox's `rateLimit`. Returns what the sandbox and n8n saw.
 */
export async function runBulkBatch(cluster, sandbox, { executions = 4, creates = 50, rateLimit }) {
	await controlSandbox(sandbox.url, 'config', rateLimit);
	await controlSandbox(sandbox.url, 'reset', {});
	const before = (await executionsOf(cluster, BULK_WORKFLOW_ID)).length;
	const prefixes = Array.from({ length: executions }, (_, index) => String.fromCharCode(65 + index));
	const startedAt = Date.now();
	const calls = await Promise.all(
		prefixes.map((prefix) =>
			fetch(`${cluster.base}/webhook/${BULK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prefix }) }),
		),
	);
	const refusedCalls = calls.filter((call) => !call.ok).map((call) => call.status);
	if (refusedCalls.length) throw new Error(`main answered the webhook with ${refusedCalls.join(', ')}`);
	const runs = await finishedExecutions(cluster, BULK_WORKFLOW_ID, { before, count: executions });
	const wallMs = Date.now() - startedAt;
	const stats = await controlSandbox(sandbox.url, 'stats');
	const writes = stats.writes.filter((write) => write.route === 'POST /v1/products/:productId/tickets');
	const names = writes.map((write) => write.body.name);
	const expected = prefixes.flatMap((prefix) => Array.from({ length: creates }, (_, index) => `${prefix} ${index}`));
	const written = new Set(names);
	const times = writes.map((write) => write.at);
	const minimumMs = ((executions * creates) / rateLimit.limit) * rateLimit.windowMs;
	return {
		executions: runs.map((run) => ({ id: run.id, status: run.status, worker: cluster.workerOf(run.id) })),
		requests: stats.byRoute['POST /v1/products/:productId/tickets'] ?? 0,
		refused: stats.refused429,
		duplicates: names.length - written.size,
		lost: expected.filter((name) => !written.has(name)).length,
		unexpected: names.filter((name) => !expected.includes(name)).length,
		/** From the first ticket written to the last, on the sandbox's clock. */
		spanMs: times.length ? Math.max(...times) - Math.min(...times) : NaN,
		wallMs,
		/** N/L × W. */
		minimumMs,
	};
}

/** Posts a WhatsApp webhook of `kind` from the sandbox to the Desk360 Trigger's production URL on main. */
export async function postWhatsAppWebhook(cluster, sandbox, kind) {
	const response = await fetch(`${sandbox.url}/__sandbox/webhook`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ url: `${cluster.base}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`, kind, query: { secret: TRIGGER_SECRET } }),
	});
	return response.status;
}
