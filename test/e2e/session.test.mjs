// End-to-end: an email/password Desk360 credential in a started n8n
// (one process, as in production), whose token Desk360 forgets between two
// executions. The second execution, 5 items at once, must cost one refused
// request and one login, not one refused request per item.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { SANDBOX_CREDENTIALS, startSandbox } from '../../sandbox/server.mjs';
import { importCredentials, installPackedPackage, PACKAGE, startWithPublishedWorkflows } from './harness.mjs';

const WORKFLOW_ID = 'e2eSessionFlow01';
const CREDENTIAL_ID = 'e2eSessionLogin1';
const PATH = 'e2e-session';

let sandbox;
let server;

async function stats() {
	return await (await fetch(`${sandbox.url}/__sandbox/stats`)).json();
}

/** Runs the workflow once through its production webhook; answers with the last node's items. */
async function runOnce() {
	const response = await fetch(`${server.base}/webhook/${PATH}`, { method: 'POST' });
	assert.equal(response.status, 200, await response.clone().text());
	return await response.json();
}

before(async () => {
	const { userFolder } = installPackedPackage();
	sandbox = await startSandbox({ port: 0 });
	const { desk360 } = SANDBOX_CREDENTIALS;
	await importCredentials(userFolder, [
		{
			id: CREDENTIAL_ID,
			name: 'Desk360 login',
			type: 'desk360Api',
			data: { authMode: 'login', email: desk360.email, password: desk360.password, baseUrl: sandbox.url, sessionToken: '' },
		},
	]);
	server = await startWithPublishedWorkflows(userFolder, [{
		id: WORKFLOW_ID,
		name: 'Session renewal',
		active: false,
		nodes: [
			{
				id: 'hook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '0c2f7e1a-3b4d-4e5f-8a9b-112233445566',
				parameters: { httpMethod: 'POST', path: PATH, responseMode: 'lastNode', options: {} },
			},
			{
				id: 'items',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: 'return Array.from({ length: 5 }, (_, i) => ({ json: { i } }));' },
			},
			{
				id: 'me',
				name: 'Me',
				type: `${PACKAGE}.desk360`,
				typeVersion: 1,
				position: [400, 0],
				parameters: { resource: 'agent', operation: 'getCurrent' },
				credentials: { desk360Api: { id: CREDENTIAL_ID, name: 'Desk360 login' } },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Me', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	}]);
});

after(async () => {
	await server?.stop();
	await sandbox?.stop();
});

describe('Desk360 login mode in a started n8n', () => {
	it('logs in once, keeps the token for later executions, and renews a dead one with one refused request', async () => {
		await runOnce();
		const loggedIn = await stats();
		assert.equal(loggedIn.logins, 1);

		// A second execution reuses the token: no login, no refusal.
		await runOnce();
		const reused = await stats();
		assert.equal(reused.logins, 1);
		assert.equal(reused.byStatus['401'] ?? 0, 0);

		await fetch(`${sandbox.url}/__sandbox/expire-tokens`, { method: 'POST' });
		const answer = await runOnce();
		const renewed = await stats();
		assert.equal(renewed.byStatus['401'] ?? 0, 1);
		assert.equal(renewed.logins, 2);
		// The last node's answer is the first item (lastNode, firstEntryJson).
		assert.equal(answer.email, SANDBOX_CREDENTIALS.desk360.email);
		assert.equal(renewed.byRoute['GET /v1/me'] - reused.byRoute['GET /v1/me'], 5 + 1);
	});
});
