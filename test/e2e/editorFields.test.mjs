// End-to-end: every field of every node of the package, as a user meets it in
// the n8n 2.8.4 editor (headless Chromium, the sandbox as Desk360 and Sendbird).
// The nodes and their fields are read from what the editor itself loads
// (/types/nodes.json), so a new node, operation or field is covered without
// editing this test. For each node it walks every resource, operation and
// trigger event (every value of every field that decides what else is shown),
// evaluates the display conditions with n8n-workflow's own rules, and checks
// that each field that should be shown is rendered and takes a value:
// text and numbers are typed, switches flipped, dropdowns opened (lists from
// the account must load from the sandbox and one entry is picked), resource
// locators searched, collections offer every option and render each one.
// Each credential's Test (Retry) button must report success against the sandbox.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';

import { startSandbox } from '../../sandbox/server.mjs';
import { sandboxCredentials } from '../../scripts/examples.mjs';
import { checkState, packageNodeTypes, statesOf, useEditor } from './editorWalk.mjs';
import { packageRoot } from '../../scripts/n8n-runtime.mjs';
import { importCredentials, importWorkflow, installPackedPackage, startServer } from './harness.mjs';

const WORKFLOW_ID = 'e2eEveryField001';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let sandbox;
let server;
let browser;
let page;
let nodeTypes = [];
let credentials = [];
/** The states to check, by node type name: [{ nodeId, parameters }]. */
const statesByType = new Map();

// ---------------------------------------------------------------------------

async function loggedInPage() {
	browser = await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'helpdesk-chromium-'))}`,
		],
	});
	page = await browser.newPage();
	await page.setViewport({ width: 1440, height: 1000 });
	const [name] = server.cookie.split('=');
	await page.setCookie({ name, value: server.cookie.slice(name.length + 1), url: server.base });
}

before(async () => {
	const { userFolder } = installPackedPackage();
	sandbox = await startSandbox({ port: 0 });
	credentials = sandboxCredentials(sandbox.url);
	await importCredentials(userFolder, credentials);
	// The node types as the editor loads them, from a first start of n8n.
	server = await startServer(userFolder);
	const response = await fetch(`${server.base}/types/nodes.json`, { headers: { cookie: server.cookie } });
	nodeTypes = packageNodeTypes(await response.json(), packageRoot);
	await server.stop();

	const nodes = [];
	for (const type of nodeTypes) {
		const states = statesOf(type).map((parameters, index) => ({ nodeId: `${type.name.split('.')[1]}-${index}`, parameters }));
		statesByType.set(type.name, states);
		const nodeCredentials = Object.fromEntries(
			(type.credentials ?? []).map(({ name }) => {
				const credential = credentials.find((candidate) => candidate.type === name);
				return [name, credential && { id: credential.id, name: credential.name }];
			}),
		);
		states.forEach(({ nodeId, parameters }, index) => {
			nodes.push({
				id: nodeId,
				name: `${type.displayName} ${index + 1}`,
				type: type.name,
				typeVersion: 1,
				position: [index * 200, nodes.length * 10],
				parameters,
				credentials: nodeCredentials,
				...(type.webhooks ? { webhookId: `00000000-0000-4000-8000-${String(nodes.length).padStart(12, '0')}` } : {}),
			});
		});
	}
	await importWorkflow(userFolder, { id: WORKFLOW_ID, name: 'Every field', active: false, nodes, connections: {}, settings: { executionOrder: 'v1' } });
	server = await startServer(userFolder);
	await loggedInPage();
	useEditor(page, WORKFLOW_ID);
	await page.goto(`${server.base}/workflow/${WORKFLOW_ID}`, { waitUntil: 'networkidle2', timeout: 60_000 });
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
		const failures = [];
		for (const type of nodeTypes) {
			await t.test(type.displayName, async () => {
				const problems = [];
				for (const state of statesByType.get(type.name)) problems.push(...(await checkState(type, state)));
				if (problems.length > 0) {
					mkdirSync(ARTIFACTS, { recursive: true });
					await page.screenshot({ path: join(ARTIFACTS, `fields-${type.name.split('.')[1]}.png`) });
					failures.push(type.displayName);
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
			const retry = await credentialPage.$(`${success} button, ${success} a, ${success} [role="button"], ${success} span:last-child`);
			assert.ok(retry, `${credential.name}: the Test (Retry) button is shown`);
			await retry.click();
			await credentialPage.waitForSelector(success, { visible: true, timeout: 30_000 });
		}
	});
});
