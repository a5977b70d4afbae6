// End-to-end: the Desk360 WhatsApp Trigger active in a started n8n, as a
// version 2 node with its secret in a credential and as a version 1 node with
// its secret in parameters (as saved workflows have it); the sandbox posts each
// WhatsApp webhook kind to the production URLs. Also checks that n8n loads the
// package without errors or warnings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startSandbox, WEBHOOK_KINDS } from '../../sandbox/server.mjs';
import { sandboxCredentials, WHATSAPP_WEBHOOK_SECRET } from '../../scripts/examples.mjs';
import { executionsOf, importCredentials, importWorkflow, installPackedPackage, PACKAGE, publishWorkflow, startServer } from './harness.mjs';

const ALL_EVENTS = ['messageReceived', 'statusUpdate', 'chatbotHistory', 'autoReply'];
/** Version 2: the secret in the Desk360 WhatsApp Webhook credential. */
const CURRENT = { workflowId: 'e2eTriggerFlow02', webhookId: '6e4d2a1f-7b2c-4d5e-8f90-23456789abcd', secret: WHATSAPP_WEBHOOK_SECRET };
/** Version 1, as saved before: the secret in node parameters. */
const SAVED = { workflowId: 'e2eTriggerFlow01', webhookId: '5d3c1f0e-6a1b-4c3d-9e8f-123456789abc', secret: 'e2e-webhook-secret' };

let sandbox;
let server;

async function postWebhook(trigger, kind, query) {
	const response = await fetch(`${sandbox.url}/__sandbox/webhook`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ url: `${server.base}/webhook/${trigger.webhookId}/webhook`, kind, query }),
	});
	return response.status;
}

function triggerWorkflow({ workflowId, webhookId }, node) {
	return {
		id: workflowId,
		name: `Desk360 webhooks ${workflowId}`,
		active: false,
		nodes: [{ id: 'trigger', name: 'Desk360 WhatsApp Trigger', type: `${PACKAGE}.desk360Trigger`, position: [0, 0], webhookId, ...node }],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const executionsOfWorkflow = async ({ workflowId }) => await executionsOf(server, workflowId);

before(async () => {
	const { userFolder } = installPackedPackage();
	sandbox = await startSandbox({ port: 0 });
	const credentials = sandboxCredentials(sandbox.url);
	await importCredentials(userFolder, credentials);
	const webhookSecret = credentials.find((credential) => credential.type === 'desk360WhatsAppWebhookApi');
	await importWorkflow(userFolder, triggerWorkflow(CURRENT, {
		typeVersion: 2,
		parameters: { authentication: 'webhookSecret', events: ALL_EVENTS },
		credentials: { desk360WhatsAppWebhookApi: { id: webhookSecret.id, name: webhookSecret.name } },
	}));
	await importWorkflow(userFolder, triggerWorkflow(SAVED, {
		typeVersion: 1,
		parameters: { events: ALL_EVENTS, verification: 'queryParameter', secret: SAVED.secret },
	}));
	for (const { workflowId } of [CURRENT, SAVED]) await publishWorkflow(userFolder, workflowId);
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
		for (const node of ['desk360', 'desk360Trigger', 'desk360TicketTrigger', 'sendbirdDesk', 'sendbirdDeskTrigger']) {
			assert.ok(names.includes(`${PACKAGE}.${node}`), node);
		}
		const whatsApp = nodes.filter((node) => node.name === `${PACKAGE}.desk360Trigger`);
		assert.ok(whatsApp.every((node) => node.displayName === 'Desk360 WhatsApp Trigger'));
		const credentials = await (await fetch(`${server.base}/types/credentials.json`, { headers: { cookie: server.cookie } })).json();
		const types = credentials.map((credential) => credential.name);
		for (const type of ['desk360Api', 'desk360WhatsAppWebhookApi', 'sendbirdDeskApi']) assert.ok(types.includes(type), type);
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

for (const { version, trigger } of [
	{ version: 'version 2, secret in a credential', trigger: CURRENT },
	{ version: 'version 1, secret in parameters (a saved workflow)', trigger: SAVED },
]) {
	describe(`Desk360 WhatsApp Trigger in a started n8n, ${version}`, () => {
		it('starts one execution per webhook kind posted to the production URL', async () => {
			for (const kind of WEBHOOK_KINDS) {
				assert.equal(await postWebhook(trigger, kind, { secret: trigger.secret }), 200, kind);
			}
			let executions = [];
			for (let i = 0; i < 40 && executions.length < WEBHOOK_KINDS.length; i++) {
				await new Promise((done) => setTimeout(done, 250));
				executions = await executionsOfWorkflow(trigger);
			}
			assert.equal(executions.length, WEBHOOK_KINDS.length);
			assert.ok(executions.every((execution) => execution.status === 'success'));
		});

		it('answers 401 to a wrong or missing secret and starts nothing', async () => {
			const before = (await executionsOfWorkflow(trigger)).length;
			assert.equal(await postWebhook(trigger, 'text', { secret: 'wrong' }), 401);
			assert.equal(await postWebhook(trigger, 'text', {}), 401);
			await new Promise((done) => setTimeout(done, 1000));
			assert.equal((await executionsOfWorkflow(trigger)).length, before);
		});
	});
}
