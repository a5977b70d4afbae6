// End-to-end: the Sendbird Desk Trigger published in a started n8n; the
// sandbox posts Sendbird Desk webhooks signed with the credential's API token,
// wrongly signed or unsigned, and sends one delivery three times as Sendbird
// does when an answer is late.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startSandbox } from '../../sandbox/server.mjs';
import { sandboxCredentials } from '../../scripts/examples.mjs';
import { executionsOf, importCredentials, importWorkflow, installPackedPackage, PACKAGE, publishWorkflow, startServer } from './harness.mjs';

const WORKFLOW_ID = 'e2eSendbirdTrigr';
const WEBHOOK_ID = '7b1e2f30-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
/** Sendbird waits this long for an answer before it sends the delivery again. */
const SENDBIRD_WAIT_MS = 1000;

let sandbox;
let server;

async function deliver(options) {
	const response = await fetch(`${sandbox.url}/__sandbox/sendbird-webhook`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ url: `${server.base}/webhook/${WEBHOOK_ID}/webhook`, ...options }),
	});
	return await response.json();
}

const executions = async () => await executionsOf(server, WORKFLOW_ID);

/** Waits until at least `count` executions exist, then a second more for any that should not. */
async function executionsAfter(count) {
	let runs = [];
	for (let i = 0; i < 40 && runs.length < count; i++) {
		await new Promise((done) => setTimeout(done, 250));
		runs = await executions();
	}
	await new Promise((done) => setTimeout(done, 1000));
	return await executions();
}

before(async () => {
	const { userFolder } = installPackedPackage();
	sandbox = await startSandbox({ port: 0 });
	const credentials = sandboxCredentials(sandbox.url);
	await importCredentials(userFolder, credentials);
	const sendbird = credentials.find((credential) => credential.type === 'sendbirdDeskApi');
	await importWorkflow(userFolder, {
		id: WORKFLOW_ID,
		name: 'Sendbird Desk webhooks',
		active: false,
		nodes: [
			{
				id: 'trigger',
				name: 'Sendbird Desk Trigger',
				type: `${PACKAGE}.sendbirdDeskTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { events: 'ticket.created, ticket.closed' },
				credentials: { sendbirdDeskApi: { id: sendbird.id, name: sendbird.name } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	await publishWorkflow(userFolder, WORKFLOW_ID);
	server = await startServer(userFolder);
});

after(async () => {
	await server?.stop();
	await sandbox?.stop();
});

describe('Sendbird Desk Trigger in a started n8n', () => {
	it('starts one execution for a signed delivery, answered well within Sendbird’s second', async (t) => {
		const answer = await deliver({ event: 'ticket.created' });
		t.diagnostic(`answered in ${answer.elapsedMs} ms`);

		assert.equal(answer.status, 200);
		assert.deepEqual(answer.body, { message: 'Workflow was started' });
		assert.ok(answer.elapsedMs < SENDBIRD_WAIT_MS, `answered in ${answer.elapsedMs} ms`);
		const runs = await executionsAfter(1);
		assert.equal(runs.length, 1);
		assert.equal(runs[0].status, 'success');
	});

	it('answers 401 to unsigned and wrongly signed deliveries and starts nothing', async () => {
		const before = (await executions()).length;

		for (const signature of ['none', 'wrong']) {
			const answer = await deliver({ event: 'ticket.created', signature });
			assert.equal(answer.status, 401, signature);
			assert.match(answer.body.message, /^Unauthorized: the x-hub-signature/);
		}
		assert.equal((await executionsAfter(before)).length, before);
	});

	it('starts one execution for a delivery Sendbird sends three times', async (t) => {
		const before = (await executions()).length;

		const answer = await deliver({ event: 'ticket.closed', times: 3 });
		t.diagnostic(`answered in ${answer.answers.map(({ elapsedMs }) => elapsedMs).join(', ')} ms`);

		assert.deepEqual(
			answer.answers.map(({ status, body }) => [status, body.message]),
			[
				[200, 'Workflow was started'],
				[200, 'Received again: Sendbird retried a delivery that already started the workflow. No second workflow was started.'],
				[200, 'Received again: Sendbird retried a delivery that already started the workflow. No second workflow was started.'],
			],
		);
		assert.ok(answer.answers.every(({ elapsedMs }) => elapsedMs < SENDBIRD_WAIT_MS), answer.answers.map(({ elapsedMs }) => elapsedMs).join(', '));
		assert.equal((await executionsAfter(before + 1)).length, before + 1);
	});

	it('answers 200 to an event that is not chosen and starts nothing', async () => {
		const before = (await executions()).length;

		const answer = await deliver({ event: 'ticket.assigned' });

		assert.equal(answer.status, 200);
		assert.match(answer.body.message, /is not chosen in the Sendbird Desk Trigger/);
		assert.equal((await executionsAfter(before)).length, before);
	});
});
