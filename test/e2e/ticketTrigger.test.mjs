// End-to-end: the Desk360 Ticket Trigger published in a started n8n,
// polling the sandbox every 10 seconds (n8n's shortest: no "*" in the seconds
// field). Tickets are created and changed in the sandbox; an HTTP Request node
// after the trigger posts each item to a capture server in this test, so the
// executions n8n ran and the items they carried are both counted.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';

import { startSandbox } from '../../sandbox/server.mjs';
import { sandboxCredentials } from '../../scripts/examples.mjs';
import { recipeFor } from '../../scripts/n8n-runtime.mjs';
import { executionsOf, importCredentials, importWorkflow, installPackedPackage, N8N_VERSION, PACKAGE, publishWorkflow, startServer } from './harness.mjs';

const WORKFLOW_ID = 'e2eTicketTrigger';
// The shortest interval this n8n accepts: a minute in 2.41, seconds in 2.8.
const POLL_SECONDS = recipeFor(N8N_VERSION).pollSeconds;
const LIST_ROUTE = 'GET /v1/products/:productId/tickets';
const DESK360 = { authorization: 'Bearer sandbox-desk360-token', 'content-type': 'application/json' };

let sandbox;
let server;
let capture;
/** The items the workflow posted, in arrival order: { execution, event, id, updated_at }. */
const captured = [];

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Sleeps until `offset` ms after the next poll tick (ticks are at every 10th second). */
async function untilAfterTick(offset) {
	const period = POLL_SECONDS * 1000;
	const now = Date.now();
	await sleep(period - (now % period) + offset);
}

async function listRequests() {
	const stats = await (await fetch(`${sandbox.url}/__sandbox/stats`)).json();
	return stats.byRoute[LIST_ROUTE] ?? 0;
}

const executions = async () => await executionsOf(server, WORKFLOW_ID);

async function desk360(path, body) {
	const response = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: DESK360, body: JSON.stringify(body) });
	assert.ok(response.ok, `${path}: ${response.status}`);
	return await response.json();
}

/** Waits until `count` items have been captured (the workflow runs after the poll). */
async function capturedItems(count) {
	// The next poll is up to POLL_SECONDS away; a change seen in a second still open may wait for the poll after.
	for (let i = 0; i < 5 * (2 * POLL_SECONDS + 10) && captured.length < count; i++) await sleep(200);
	return captured.slice();
}

before(async () => {
	const { userFolder } = installPackedPackage();
	sandbox = await startSandbox({ port: 0 });
	capture = createServer(async (request, response) => {
		let text = '';
		for await (const chunk of request) text += chunk;
		captured.push(JSON.parse(text));
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end('{}');
	});
	await new Promise((done) => capture.listen(0, '127.0.0.1', done));
	const credentials = sandboxCredentials(sandbox.url);
	await importCredentials(userFolder, credentials);
	const desk360Credential = credentials.find((credential) => credential.type === 'desk360Api');
	await importWorkflow(userFolder, {
		id: WORKFLOW_ID,
		name: 'Desk360 tickets',
		active: false,
		nodes: [
			{
				id: 'trigger',
				name: 'Desk360 Ticket Trigger',
				type: `${PACKAGE}.desk360TicketTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: {
						item: [
							POLL_SECONDS === 60
								? { mode: 'everyMinute' }
								: { mode: 'custom', cronExpression: `${Array.from({ length: 60 / POLL_SECONDS }, (_, tick) => tick * POLL_SECONDS).join(',')} * * * * *` },
						],
					},
					product: { __rl: true, mode: 'id', value: '11' },
					events: ['newTicket', 'updatedTicket'],
				},
				credentials: { desk360Api: { id: desk360Credential.id, name: desk360Credential.name } },
			},
			{
				id: 'capture',
				name: 'Capture',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [250, 0],
				parameters: {
					method: 'POST',
					url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (capture.address()).port}/items`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ execution: $execution.id, event: $json.event, id: $json.id, updated_at: $json.updated_at, status_name: $json.status_name, updated_at_iso: $json.updated_at_iso }) }}',
					options: {},
				},
			},
		],
		connections: { 'Desk360 Ticket Trigger': { main: [[{ node: 'Capture', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1', timezone: 'UTC' },
	});
	await publishWorkflow(userFolder, WORKFLOW_ID);
	server = await startServer(userFolder);
});

after(async () => {
	await server?.stop();
	await sandbox?.stop();
	if (capture) await new Promise((done) => capture.close(done));
});

describe('Desk360 Ticket Trigger in a started n8n', { timeout: 900_000 }, () => {
	it('starts from now: no execution for the tickets that were there, one request per unchanged poll', async () => {
		// Published at start: the first poll read the newest change; then every tick polls once.
		await untilAfterTick(3000);
		const counts = [await listRequests()];
		for (let tick = 0; tick < 3; tick++) {
			await untilAfterTick(3000);
			counts.push(await listRequests());
		}
		const perPoll = counts.slice(1).map((count, index) => count - counts[index]);
		assert.deepEqual(perPoll, [1, 1, 1], `requests per poll: ${perPoll}`);
		assert.equal((await executions()).length, 0);
		assert.equal(captured.length, 0);
	});

	it('runs one execution per poll that saw changes, with each ticket event exactly once', async () => {
		await untilAfterTick(1500);
		const created = await desk360('/v1/products/11/tickets', { name: 'Jane Doe', email: 'jane@example.com', reason_id: 1, description: 'My order is late', status: 2 });
		// An older ticket gets a reply, then an agent raises its priority: one event, its latest state.
		const older = (await (await fetch(`${sandbox.url}/v1/products/11/tickets?order=asc`, { headers: DESK360 })).json())[0];
		await desk360(`/v1/products/11/tickets/${older.id}/reply`, { message: 'We are on it' });
		await desk360(`/__sandbox/tickets/${older.id}`, { priority: 3 });

		const items = await capturedItems(2);
		assert.deepEqual(
			items.map(({ event, id }) => [event, id]).sort((a, b) => a[1] - b[1]),
			[['updatedTicket', older.id], ['newTicket', created.id]].sort((a, b) => a[1] - b[1]),
		);
		assert.equal(new Set(items.map((item) => item.execution)).size, 1, 'both changes came in one execution');
		assert.match(items[0].updated_at_iso, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);

		// Two more polls without changes: no new execution, nothing delivered twice.
		await untilAfterTick(3000);
		await untilAfterTick(3000);
		assert.equal(captured.length, 2);
		const runs = await executions();
		assert.equal(runs.length, 1);
		assert.ok(runs.every((execution) => execution.status === 'success'));

		// A later change of the new ticket is an update, in an execution of its own.
		await desk360(`/v1/products/11/tickets/${created.id}/status`, { status: 1, reason_id: 1 });
		const later = await capturedItems(3);
		assert.deepEqual(later.slice(2).map(({ event, id, status_name }) => [event, id, status_name]), [['updatedTicket', created.id, 'Resolved']]);
		await untilAfterTick(3000);
		assert.equal((await executions()).length, 2);
		assert.equal(captured.length, 3);
	});
});
