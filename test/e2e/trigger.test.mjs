// End-to-end: the Desk360 Trigger active in a started n8n 2.8.4; the sandbox
// posts each WhatsApp webhook kind to the production URL. Also checks that n8n
// loads the package without errors or warnings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startSandbox, WEBHOOK_KINDS } from '../../sandbox/server.mjs';
import { importWorkflow, installPackedPackage, n8nCli, PACKAGE, startServer } from './harness.mjs';

const WORKFLOW_ID = 'e2eTriggerFlow01';
const WEBHOOK_ID = '5d3c1f0e-6a1b-4c3d-9e8f-123456789abc';
const SECRET = 'e2e-webhook-secret';

let sandbox;
let server;

async function postWebhook(kind, query) {
	const response = await fetch(`${sandbox.url}/__sandbox/webhook`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ url: `${server.base}/webhook/${WEBHOOK_ID}/webhook`, kind, query }),
	});
	return response.status;
}

async function executionsOfWorkflow() {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	const response = await fetch(`${server.base}/rest/executions?filter=${filter}&limit=100`, { headers: { cookie: server.cookie } });
	const { data } = await response.json();
	return data.results;
}

before(async () => {
	const { userFolder } = installPackedPackage();
	sandbox = await startSandbox({ port: 0 });
	await importWorkflow(userFolder, {
		id: WORKFLOW_ID,
		name: 'Desk360 webhooks',
		active: false,
		nodes: [
			{
				id: 'trigger',
				name: 'Desk360 Trigger',
				type: `${PACKAGE}.desk360Trigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: {
					events: ['messageReceived', 'statusUpdate', 'chatbotHistory', 'autoReply'],
					verification: 'queryParameter',
					secret: SECRET,
				},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	const published = await n8nCli(userFolder, ['publish:workflow', `--id=${WORKFLOW_ID}`]);
	assert.equal(published.status, 0, published.stdout + published.stderr);
	server = await startServer(userFolder);
});

after(async () => {
	await server?.stop();
	await sandbox?.stop();
});

describe('n8n with the package', () => {
	it('lists the nodes and credentials of the package', async () => {
		const nodes = await (await fetch(`${server.base}/types/nodes.json`, { headers: { cookie: server.cookie } })).json();
		const names = nodes.map((node) => node.name);
		for (const node of ['desk360', 'desk360Trigger', 'sendbirdDesk']) assert.ok(names.includes(`${PACKAGE}.${node}`), node);
		const credentials = await (await fetch(`${server.base}/types/credentials.json`, { headers: { cookie: server.cookie } })).json();
		const types = credentials.map((credential) => credential.name);
		assert.ok(types.includes('desk360Api') && types.includes('sendbirdDeskApi'));
	});

	it('logged no error or warning while loading the package', () => {
		const log = Buffer.concat(server.output).toString();
		const problems = log
			.split('\n')
			.filter((line) => /error|warn|fail/i.test(line))
			// n8n's own notes about this machine and its database migrations, not about the package.
			.filter((line) => !/Python task runner|license|deprecat|^(Starting|Finished) migration/i.test(line));
		assert.deepEqual(problems, []);
	});
});

describe('Desk360 Trigger in a started n8n', () => {
	it('starts one execution per webhook kind posted to the production URL', async () => {
		for (const kind of WEBHOOK_KINDS) {
			assert.equal(await postWebhook(kind, { secret: SECRET }), 200, kind);
		}
		let executions = [];
		for (let i = 0; i < 40 && executions.length < WEBHOOK_KINDS.length; i++) {
			await new Promise((done) => setTimeout(done, 250));
			executions = await executionsOfWorkflow();
		}
		assert.equal(executions.length, WEBHOOK_KINDS.length);
		assert.ok(executions.every((execution) => execution.status === 'success'));
	});

	it('answers 401 to a wrong or missing secret and starts nothing', async () => {
		const before = (await executionsOfWorkflow()).length;
		assert.equal(await postWebhook('text', { secret: 'wrong' }), 401);
		assert.equal(await postWebhook('text', {}), 401);
		await new Promise((done) => setTimeout(done, 1000));
		assert.equal((await executionsOfWorkflow()).length, before);
	});
});
