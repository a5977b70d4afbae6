// End-to-end: the Desk360 node's panel in the n8n editor, in headless
// Chromium. Keeps a screenshot as a test artefact in test/e2e/artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { importCredentials, importWorkflow, installPackedPackage, openEditor, PACKAGE, startServer } from './harness.mjs';

const WORKFLOW_ID = 'e2eEditorFlow001';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');

let server;
let browser;
let page;

before(async () => {
	const { userFolder } = installPackedPackage();
	await importCredentials(userFolder, [
		{ id: 'e2eEditorCred001', name: 'Desk360 account', type: 'desk360Api', data: { authMode: 'apiToken', apiToken: 'not-used', baseUrl: 'http://127.0.0.1:9', sessionToken: '' } },
	]);
	await importWorkflow(userFolder, {
		id: WORKFLOW_ID,
		name: 'Editor check',
		active: false,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'desk360',
				name: 'Desk360',
				type: `${PACKAGE}.desk360`,
				typeVersion: 1,
				position: [250, 0],
				parameters: { resource: 'ticket', operation: 'getAll', product: { __rl: true, mode: 'id', value: '11' } },
				credentials: { desk360Api: { id: 'e2eEditorCred001', name: 'Desk360 account' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Desk360', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	});
	server = await startServer(userFolder);
	({ browser, page } = await openEditor(server, { width: 1440, height: 900 }));
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

describe('Desk360 node in the n8n editor', () => {
	it('shows the node with its icon on the canvas', async () => {
		await page.goto(`${server.base}/workflow/${WORKFLOW_ID}`, { waitUntil: 'networkidle2', timeout: 60_000 });
		const node = await page.waitForSelector(`[data-test-id="canvas-node"][data-node-type="${PACKAGE}.desk360"]`, { timeout: 30_000 });
		const icon = await node.$eval('img', (img) => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0 }));
		assert.match(icon.src, /desk360(\.dark)?\.svg/);
		assert.ok(icon.loaded, `the icon ${icon.src} did not load`);
	});

	it('opens its panel with the resource, operation, product and credential', async () => {
		const node = await page.$(`[data-test-id="canvas-node"][data-node-type="${PACKAGE}.desk360"]`);
		await node.click({ count: 2 });
		const panel = await page.waitForSelector('[data-test-id="ndv"]', { visible: true, timeout: 30_000 });
		// Labels are text; the chosen values (credential, resource, ...) are input values.
		const panelText = () =>
			panel.evaluate((element) =>
				[element.innerText, ...[...element.querySelectorAll('input')].map((input) => input.value)].join('\n'),
			);
		for (let i = 0; i < 60 && !(await panelText()).includes('Desk360 account'); i++) {
			await new Promise((done) => setTimeout(done, 250));
		}
		mkdirSync(ARTIFACTS, { recursive: true });
		await page.screenshot({ path: join(ARTIFACTS, 'desk360-panel.png') });
		const text = await panelText();
		// n8n 2.8 labels the credential "Credential to connect with", 2.41 "Credential".
		for (const expected of ['Desk360', 'Credential', 'Desk360 account', 'Resource', 'Ticket', 'Operation', 'Get Many', 'Product', 'Return All', 'Filters']) {
			assert.ok(text.includes(expected), `the panel shows "${expected}"`);
		}
	});

	it("has Batching where the rate-limit error points: Settings tab → Request Options → Add Option", async () => {
		const panel = await page.$('[data-test-id="ndv"]');
		await (await panel.$('[data-test-id="tab-settings"]')).click();
		const text = () => panel.evaluate((element) => element.innerText);
		for (let i = 0; i < 40 && !(await text()).includes('Request Options'); i++) await new Promise((done) => setTimeout(done, 250));
		assert.ok((await text()).includes('Request Options'), 'the Settings tab shows Request Options');
		// The Parameters tab's own Add buttons stay in the page, hidden: take the one that shows.
		const shown = async () => {
			for (const button of await panel.$$('[data-test-id="collection-parameter-add"]')) if (await button.isVisible()) return button;
		};
		let addOption;
		for (let i = 0; i < 40 && !(addOption = await shown()); i++) await new Promise((done) => setTimeout(done, 250));
		assert.ok(addOption, 'Request Options has an Add Option button');
		await addOption.click();
		const choices = () => page.evaluate(() => [...document.querySelectorAll('.el-select-dropdown__item')].map((item) => /** @type {HTMLElement} */ (item).innerText.trim()));
		for (let i = 0; i < 40 && !(await choices()).includes('Batching'); i++) await new Promise((done) => setTimeout(done, 250));
		assert.ok((await choices()).includes('Batching'), 'Add Option offers Batching');
		await page.screenshot({ path: join(ARTIFACTS, 'desk360-request-options.png') });
	});
});
