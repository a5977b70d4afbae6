// End-to-end: a user adds the Desk360 WhatsApp Trigger to a new workflow in the
// n8n editor (headless Chromium), with one Desk360 WhatsApp Webhook credential
// and one Desk360 API credential in n8n. The editor fills a new node's empty
// credentials with the newest credential among the slots the node shows; the
// Webhook Secret slot must get it, the Desk360 API slot must not be shown (nor
// filled) until an API action is chosen, and then offers the Desk360 API
// credential. A failed step leaves a screenshot in test/e2e/artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { importCredentials, installPackedPackage, N8N_VERSION, openEditor, PACKAGE, startServer } from './harness.mjs';
import { clickCreatorEntry as clickEntry, creatorEntries as entriesOf, searchNodesPanel, waitFor } from './nodeCreator.mjs';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const TRIGGER_TYPE = `${PACKAGE}.desk360Trigger`;
const WEBHOOK_CREDENTIAL = {
	id: 'e2eAddWaHook0001',
	name: 'WhatsApp webhook secret',
	type: 'desk360WhatsAppWebhookApi',
	data: { sentIn: 'queryParameter', parameterName: 'secret', secret: 'a-long-random-secret-1' },
};
const API_CREDENTIAL = {
	id: 'e2eAddWaApi00001',
	name: 'Desk360 account',
	type: 'desk360Api',
	data: { authMode: 'apiToken', apiToken: 'not-used', baseUrl: 'http://127.0.0.1:9', sessionToken: '' },
};
const WEBHOOK_SLOT = 'Webhook Secret';
const API_SLOT = 'Desk360 API (for API Actions only)';

let server;
let browser;
let page;

const creatorEntries = () => entriesOf(page);
const clickCreatorEntry = (matches) => clickEntry(page, matches);

/** Runs one step of the user's path; if it fails, keeps a screenshot named after it. */
async function step(name, action) {
	try {
		return await action();
	} catch (error) {
		mkdirSync(ARTIFACTS, { recursive: true });
		const file = join(ARTIFACTS, `add-whatsapp-trigger-${N8N_VERSION}-${name}.png`);
		await page?.screenshot({ path: file }).catch(() => {});
		error.message += `\n(screenshot: ${file})`;
		throw error;
	}
}

/**
 * The shown credential slots of the open panel: the label of each, what it
 * holds (the chosen credential's name, or '' when none is chosen) and its element.
 */
async function slotElements() {
	const slots = [];
	for (const element of await page.$$('[data-test-id="ndv"] [data-test-id="credentials-label"]')) {
		const shown = await element.evaluate((label) =>
			label.offsetParent === null
				? undefined
				: {
						label: label.innerText.split('\n')[0].replace(/\s*\*$/, '').trim(),
						value: label.querySelector('[data-test-id="node-credentials-select"] input')?.value ?? '',
					},
		);
		if (shown) slots.push({ ...shown, element });
	}
	return slots;
}

const credentialSlots = async () => (await slotElements()).map(({ label, value }) => ({ label, value }));

const slot = (slots, label) => slots.find((candidate) => candidate.label === label);

before(async () => {
	const { userFolder } = installPackedPackage();
	// The API credential is imported after the webhook one, so it is the newer,
	// as when a user adds it later: the editor prefers the newest credential.
	await importCredentials(userFolder, [WEBHOOK_CREDENTIAL]);
	await importCredentials(userFolder, [API_CREDENTIAL]);
	server = await startServer(userFolder);
	({ browser, page } = await openEditor(server));
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

describe(`adding the Desk360 WhatsApp Trigger in the n8n ${N8N_VERSION} editor`, () => {
	it('finds it in the nodes panel by "WhatsApp" and adds it to a new workflow', async (t) => {
		await step('open-panel', async () => {
			await searchNodesPanel(page, server.base, 'WhatsApp');
		});
		await step('search', async () => {
			const entries = await waitFor(creatorEntries, (list) => list.some((text) => text.includes('Desk360')));
			t.diagnostic(`the nodes panel shows for "WhatsApp": ${JSON.stringify(entries)}`);
			assert.ok(entries.some((text) => text.startsWith('Desk360')), `a Desk360 entry is offered: ${JSON.stringify(entries)}`);
		});
		await step('pick-entry', async () => {
			// n8n 2.8.4 and 2.41.1 merge the trigger and the Desk360 node into one "Desk360" entry
			// (2.41.1 shows the trigger's description under it); picking it lists the trigger's
			// events: On auto reply, On chatbot history, On message received, On status update.
			const picked = await clickCreatorEntry((text) => text.startsWith('Desk360'));
			t.diagnostic(`picked: ${picked}`);
			const events = await waitFor(creatorEntries, (entries) => entries.some((text) => /^On (WhatsApp )?message received/i.test(text)));
			t.diagnostic(`the entry lists: ${JSON.stringify(events)}`);
			const event = await clickCreatorEntry((text) => /^On (WhatsApp )?message received/i.test(text));
			assert.ok(event, `the entry offers the trigger's Message Received event: ${JSON.stringify(events)}`);
		});
		await step('panel-opens', async () => {
			await page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]', { visible: true, timeout: 30_000 });
			const title = await page.$eval('[data-test-id="ndv"] [data-test-id="node-title-container"]', (element) => element.innerText.trim());
			assert.match(title, /Desk360 WhatsApp Trigger/);
			assert.ok(await page.$(`[data-test-id="canvas-node"][data-node-type="${TRIGGER_TYPE}"]`), 'the node is on the canvas');
		});
	});

	it('fills the Webhook Secret with the existing credential, and not the Desk360 API', async () => {
		await step('credentials-on-add', async () => {
			// The editor fills the slots once it has loaded the usable credentials.
			const slots = await waitFor(credentialSlots, (list) => list.some(({ value }) => value !== ''), 20_000);
			assert.deepEqual(slot(slots, WEBHOOK_SLOT), { label: WEBHOOK_SLOT, value: WEBHOOK_CREDENTIAL.name }, `the slots: ${JSON.stringify(slots)}`);
			assert.equal(slot(slots, API_SLOT), undefined, `no Desk360 API slot without an API action: ${JSON.stringify(slots)}`);
			const text = await page.$eval('[data-test-id="ndv"]', (element) => element.innerText);
			assert.ok(text.includes('API Actions'), 'API Actions is in view');
		});
	});

	it('shows the Desk360 API slot, empty and offering the credential, once an API action is chosen', async () => {
		await step('choose-api-action', async () => {
			const input = await page.waitForSelector('[data-test-id="ndv"] [data-test-id="parameter-input-apiActions"]', { visible: true, timeout: 10_000 });
			await input.click();
			const clicked = await waitFor(
				() =>
					page.$$eval('.el-select-dropdown__item', (items) => {
						const item = items.find((candidate) => candidate.offsetParent !== null && candidate.innerText.trim().startsWith('Download Media'));
						item?.click();
						return Boolean(item);
					}),
				(done) => done,
				10_000,
			);
			assert.ok(clicked, 'API Actions offers Download Media');
			await page.keyboard.press('Escape');
			await page.waitForFunction(
				() =>
					![.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.el-select-dropdown__item'))].some(
						(item) => item.offsetParent !== null && item.innerText.trim().startsWith('Download Media'),
					),
				{ timeout: 10_000 },
			);
		});
		await step('api-slot', async () => {
			const slots = await waitFor(credentialSlots, (list) => slot(list, API_SLOT) !== undefined, 10_000);
			assert.deepEqual(slot(slots, API_SLOT), { label: API_SLOT, value: '' }, `the Desk360 API slot is shown and empty: ${JSON.stringify(slots)}`);
			assert.deepEqual(slot(slots, WEBHOOK_SLOT), { label: WEBHOOK_SLOT, value: WEBHOOK_CREDENTIAL.name });
			// The slot's select opens its list of credentials (a click may only focus it: clicked again while no list is open).
			const optionSelector = `[data-test-id="node-credentials-select-item-${API_CREDENTIAL.id}"]`;
			const listOpen = async () =>
				await page.$$eval('[data-test-id="node-credentials-select-item-new"]', (items) => items.some((item) => item.offsetParent !== null));
			let option;
			for (let attempt = 0; attempt < 3 && !option; attempt++) {
				if (!(await listOpen())) {
					const select = await (await slotElements())
						.find(({ label }) => label === API_SLOT)
						?.element.$('[data-test-id="node-credentials-select"]');
					assert.ok(select, 'the Desk360 API slot has a select');
					await select.click();
				}
				option = await page.waitForSelector(optionSelector, { visible: true, timeout: 5_000 }).catch(() => undefined);
			}
			assert.ok(option, 'the Desk360 API slot offers the Desk360 API credential');
			assert.match(await option.evaluate((element) => element.innerText), new RegExp(API_CREDENTIAL.name));
			await option.click();
			const chosen = await waitFor(credentialSlots, (list) => slot(list, API_SLOT)?.value === API_CREDENTIAL.name, 10_000);
			assert.deepEqual(slot(chosen, API_SLOT), { label: API_SLOT, value: API_CREDENTIAL.name });
			mkdirSync(ARTIFACTS, { recursive: true });
			await page.screenshot({ path: join(ARTIFACTS, `add-whatsapp-trigger-${N8N_VERSION}.png`) });
		});
	});
});
