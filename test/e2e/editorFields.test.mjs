// End-to-end: every field of every node of the package, as a user meets it in
// the n8n editor (headless Chromium, the sandbox as Desk360 and Sendbird).
// The nodes and their fields are read from what the editor itself loads
// (/types/nodes.json), so a new node, operation or field is covered without
// editing this test. For each version of each node it walks every resource,
// operation and trigger event (every value of every field that decides what
// else is shown), evaluates the display conditions with n8n-workflow's own
// rules, and checks that each field that should be shown is rendered and takes
// a value: text and numbers are typed, switches flipped, dropdowns opened (lists
// from the account must load from the sandbox and one entry is picked),
// resource locators searched, collections offer every option and render each
// one, fixed collections (n8n's Poll Times too) add an entry and show the
// fields of each value of its selectors. A field no state shows fails the test.
// Each credential's Test (Retry) button must report success against the sandbox.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startSandbox } from '../../sandbox/server.mjs';
import { sandboxCredentials } from '../../scripts/examples.mjs';
import { checkNode, nodeStates, packageNodeTypes, useEditor } from './editorWalk.mjs';
import { packageRoot } from '../../scripts/n8n-runtime.mjs';
import { importCredentials, installPackedPackage, openEditor, startServer } from './harness.mjs';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');

let sandbox;
let workflowId;
let server;
let browser;
let page;
let nodeTypes = [];
let credentials = [];
/** The states to check, by node type name: [{ nodeId, name, typeVersion, parameters }]. */
const statesByType = new Map();

before(async () => {
	const { userFolder } = installPackedPackage();
	sandbox = await startSandbox({ port: 0 });
	credentials = sandboxCredentials(sandbox.url);
	await importCredentials(userFolder, credentials);
	server = await startServer(userFolder);
	// The node types as the editor loads them.
	const response = await fetch(`${server.base}/types/nodes.json`, { headers: { cookie: server.cookie } });
	nodeTypes = packageNodeTypes(await response.json(), packageRoot);

	const nodes = [];
	for (const type of nodeTypes) {
		const states = nodeStates(type);
		statesByType.set(type.name, states);
		const nodeCredentials = Object.fromEntries(
			(type.credentials ?? []).map(({ name }) => {
				const credential = credentials.find((candidate) => candidate.type === name);
				return [name, credential && { id: credential.id, name: credential.name }];
			}),
		);
		states.forEach(({ nodeId, name, typeVersion, parameters }, index) => {
			nodes.push({
				id: nodeId,
				name,
				type: type.name,
				typeVersion,
				position: [index * 200, nodes.length * 10],
				parameters,
				credentials: nodeCredentials,
				...(type.webhooks ? { webhookId: `00000000-0000-4000-8000-${String(nodes.length).padStart(12, '0')}` } : {}),
			});
		});
	}
	// One workflow with a node per state, created through n8n's REST API as the editor does.
	const created = await fetch(`${server.base}/rest/workflows`, {
		method: 'POST',
		headers: { cookie: server.cookie, 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'Every field', nodes, connections: {}, settings: { executionOrder: 'v1' } }),
	});
	assert.equal(created.status, 200, await created.clone().text());
	workflowId = (await created.json()).data.id;
	({ browser, page } = await openEditor(server, { width: 1440, height: 1000 }));
	useEditor(page, workflowId);
	await page.goto(`${server.base}/workflow/${workflowId}`, { waitUntil: 'networkidle2', timeout: 60_000 });
});

after(async () => {
	await browser?.close();
	await server?.stop();
	await sandbox?.stop();
});

describe('every field of every node in the n8n editor', () => {
	it('finds the package nodes the editor loads', () => {
		assert.ok(nodeTypes.length >= 3, `found ${nodeTypes.map((type) => type.name).join(', ')}`);
	});

	it('renders every field whose display conditions hold, and each takes a value', async (t) => {
		for (const type of nodeTypes) {
			await t.test(type.displayName, async (node) => {
				const { problems, counts } = await checkNode(type, statesByType.get(type.name));
				// What was walked, so that a field left out shows in the output too.
				node.diagnostic(`${type.displayName}: ${Object.entries(counts).map(([what, number]) => `${what} ${number}`).join(', ')}`);
				if (problems.length > 0) {
					mkdirSync(ARTIFACTS, { recursive: true });
					await page.screenshot({ path: join(ARTIFACTS, `fields-${type.name.split('.')[1]}.png`) });
				}
				assert.deepEqual(problems, [], `${type.displayName}:\n${problems.join('\n')}`);
			});
		}
	});

	it("passes each credential's Test button against the sandbox", async () => {
		const used = new Set(nodeTypes.flatMap((type) => (type.credentials ?? []).map(({ name }) => name)));
		for (const name of used) assert.ok(credentials.some((credential) => credential.type === name), `a sandbox credential of type ${name}`);
		// A page of its own: leaving the edited workflow would ask to save it.
		const credentialPage = await browser.newPage();
		for (const credential of credentials.filter((candidate) => used.has(candidate.type))) {
			await credentialPage.goto(`${server.base}/home/credentials/${credential.id}`, { waitUntil: 'networkidle2', timeout: 60_000 });
			const success = '[data-test-id="credentials-config-container-test-success"]';
			await credentialPage.waitForSelector(success, { visible: true, timeout: 30_000 });
			const retry = await credentialPage.$(`${success} button`);
			assert.ok(retry, `${credential.name}: the Test (Retry) button is shown`);
			// The button sends n8n's credential test again: its answer must be OK.
			const tested = credentialPage.waitForResponse((answer) => answer.url().endsWith('/rest/credentials/test'), { timeout: 30_000 });
			await retry.click();
			const { data } = await (await tested).json();
			assert.equal(data.status, 'OK', `${credential.name}: ${data.message}`);
			await credentialPage.waitForSelector(success, { visible: true, timeout: 30_000 });
		}
	});
});
