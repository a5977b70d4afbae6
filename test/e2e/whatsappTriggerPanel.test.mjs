// End-to-end: the Desk360 WhatsApp Trigger's panel in the n8n editor, in
// headless Chromium: API Actions is shown (no credential makes the editor take
// it for the node's authentication selector), can be set, and then asks for the
// product and the Desk360 API credential; the workflow saves it. Keeps a
// screenshot in test/e2e/artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { importWorkflow, installPackedPackage, openEditor, PACKAGE, startServer } from './harness.mjs';

const WORKFLOW_ID = 'e2eWaPanelFlow01';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');

let server;
let browser;
let page;
let panel;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The panel's lines of text (labels, chosen options) and the values of its inputs. */
const panelLines = async () =>
	await panel.evaluate((element) => [...element.innerText.split('\n'), ...[...element.querySelectorAll('input')].map((input) => input.value)].map((line) => line.trim()));

async function waitForLine(line) {
	for (let i = 0; i < 60 && !(await panelLines()).includes(line); i++) await sleep(250);
	return await panelLines();
}

before(async () => {
	const { userFolder } = installPackedPackage();
	await importWorkflow(userFolder, {
		id: WORKFLOW_ID,
		name: 'WhatsApp trigger panel',
		active: false,
		nodes: [
			{
				id: 'trigger',
				name: 'Desk360 WhatsApp Trigger',
				type: `${PACKAGE}.desk360Trigger`,
				typeVersion: 2,
				position: [0, 0],
				webhookId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
				parameters: { authentication: 'webhookSecret', events: ['messageReceived'] },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	server = await startServer(userFolder);
	({ browser, page } = await openEditor(server));
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

describe('Desk360 WhatsApp Trigger in the n8n editor', () => {
	it('opens its panel with API Actions in view, beside the webhook secret credential', async () => {
		await page.goto(`${server.base}/workflow/${WORKFLOW_ID}`, { waitUntil: 'networkidle2', timeout: 60_000 });
		const node = await page.waitForSelector(`[data-test-id="canvas-node"][data-node-type="${PACKAGE}.desk360Trigger"]`, { timeout: 30_000 });
		await node.click({ count: 2 });
		panel = await page.waitForSelector('[data-test-id="ndv"]', { visible: true, timeout: 30_000 });
		const lines = await waitForLine('API Actions');
		for (const expected of ['Desk360 WhatsApp Trigger', 'Webhook Secret', 'Authentication', 'Events', 'API Actions']) {
			assert.ok(lines.includes(expected), `the panel shows "${expected}"`);
		}
		assert.ok(await panel.$('[data-test-id="parameter-input-apiActions"]'), 'API Actions has an input');
		assert.ok(!lines.includes('Product'), 'no product before an API action is chosen');
		assert.ok(!lines.includes('Desk360 API (for API Actions only)'), 'no Desk360 API credential before an API action is chosen');
	});

	it('sets API Actions → Download Media, then asks for the product and the Desk360 API credential, and saves it', async () => {
		await (await panel.$('[data-test-id="parameter-input-apiActions"]')).click();
		let option;
		for (let i = 0; i < 20 && !option; i++) {
			for (const item of await page.$$('.el-select-dropdown__item')) {
				if (await item.evaluate((element) => element.offsetParent !== null && element.innerText.startsWith('Download Media'))) option = item;
			}
			if (!option) await sleep(250);
		}
		assert.ok(option, 'the API Actions list offers Download Media');
		await option.click();
		await page.keyboard.press('Escape');
		const lines = await waitForLine('Product');
		assert.ok(lines.includes('Download Media'));
		assert.ok(lines.includes('Product'), 'the product is asked for once an API action is chosen');
		assert.ok(lines.includes('Desk360 API (for API Actions only)'), 'the Desk360 API credential is asked for once an API action is chosen');
		mkdirSync(ARTIFACTS, { recursive: true });
		await page.screenshot({ path: join(ARTIFACTS, 'desk360-whatsapp-trigger-panel.png') });

		await page.keyboard.press('Escape');
		await sleep(1000);
		await page.keyboard.down('Control');
		await page.keyboard.press('s');
		await page.keyboard.up('Control');
		let parameters = {};
		for (let i = 0; i < 40 && !parameters.apiActions; i++) {
			await sleep(250);
			const saved = await (await fetch(`${server.base}/rest/workflows/${WORKFLOW_ID}`, { headers: { cookie: server.cookie } })).json();
			parameters = saved.data.nodes[0].parameters;
		}
		assert.deepEqual(parameters.apiActions, ['downloadMedia']);
	});
});
