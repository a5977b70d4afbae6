// End-to-end: what a new user reads in today's n8n editor before opening a
// node. n8n's nodes panel merges an action node and its trigger into one entry
// showing the trigger's description; searches for "WhatsApp" and "ticket" must
// lead to the right nodes; the canvas shows readable subtitles; a node's Docs
// link opens its page in this repository, whatever n8n appends to it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { importWorkflow, installPackedPackage, openEditor, PACKAGE, startServer } from './harness.mjs';
import { creatorEntries, searchNodesPanel, waitFor } from './nodeCreator.mjs';

const WORKFLOW_ID = 'e2eNodesPanel001';
const DOCS = 'https://github.com/n8n-nodes-helpdesk/n8n-nodes-helpdesk/blob/main/docs/nodes/';

let server;
let browser;
let page;

const node = (id, type, parameters, x, extra = {}) => ({ id, name: id, type: `${PACKAGE}.${type}`, typeVersion: 1, position: [x, 0], parameters, ...extra });

before(async () => {
	const { userFolder } = installPackedPackage();
	await importWorkflow(userFolder, {
		id: WORKFLOW_ID,
		name: 'Subtitles',
		active: false,
		nodes: [
			node('Tickets', 'desk360TicketTrigger', { product: { __rl: true, mode: 'id', value: '11' }, events: ['newTicket', 'updatedTicket'] }, 0),
			node('WhatsApp', 'desk360Trigger', { events: ['messageReceived', 'statusUpdate'] }, 300, { typeVersion: 2, webhookId: '5d7e1c2b-3a4f-4b6c-8d9e-0f1a2b3c4d5e' }),
			node('Desk360', 'desk360', { resource: 'ticket', operation: 'getAll', product: { __rl: true, mode: 'id', value: '11' } }, 600),
			node('Sendbird', 'sendbirdDesk', { resource: 'ticketNote', operation: 'create' }, 900),
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

describe('the package in the n8n editor, before a node is opened', () => {
	it('a search for "WhatsApp" offers the Desk360 entry, whose text speaks of its actions and its WhatsApp trigger', async (t) => {
		await searchNodesPanel(page, server.base, 'WhatsApp');
		const entries = await waitFor(() => creatorEntries(page), (list) => list.some((text) => text.startsWith('Desk360')));
		t.diagnostic(JSON.stringify(entries));
		const desk360 = entries.find((text) => text.startsWith('Desk360 |') || text === 'Desk360');
		assert.ok(desk360, `a Desk360 entry: ${JSON.stringify(entries)}`);
		assert.match(desk360, /Manage Desk360 tickets.*WhatsApp webhook/);
	});

	it('a search for "ticket" offers the Desk360 Ticket Trigger by its own name, with no "actions yet" note', async (t) => {
		await searchNodesPanel(page, server.base, 'ticket');
		const entries = await waitFor(() => creatorEntries(page), (list) => list.some((text) => text.startsWith('Desk360 Ticket Trigger')));
		t.diagnostic(JSON.stringify(entries));
		const trigger = entries.find((text) => text.startsWith('Desk360 Ticket Trigger'));
		assert.ok(trigger, `the Desk360 Ticket Trigger: ${JSON.stringify(entries)}`);
		assert.match(trigger, /created or updated/);
		assert.ok(!entries.some((text) => /actions yet/.test(text)), JSON.stringify(entries));
	});

	it('the canvas shows readable subtitles for the triggers and the actions', async () => {
		await page.goto(`${server.base}/workflow/${WORKFLOW_ID}`, { waitUntil: 'networkidle2', timeout: 60_000 });
		const subtitleOf = async (name) =>
			await page.$eval(`[data-test-id="canvas-node"][data-node-name="${name}"]`, (element) => element.innerText.replace(/\s+/g, ' ').trim()).catch(() => '');
		const expected = { Tickets: 'New Ticket, Updated Ticket', WhatsApp: 'Message Received, Status Update', Desk360: 'Get Many: Ticket', Sendbird: 'Create: Ticket Note' };
		for (const [name, subtitle] of Object.entries(expected)) {
			const text = await waitFor(() => subtitleOf(name), (value) => value.includes(subtitle), 20_000);
			assert.ok(text.includes(subtitle), `${name} shows "${subtitle}": "${text}"`);
			assert.doesNotMatch(text, /newTicket|messageReceived|getAll/);
		}
	});

	it('each node’s Docs link opens its own page, with n8n’s tracking query after the path, not after a #', async () => {
		for (const name of ['Tickets', 'WhatsApp', 'Desk360']) {
			const canvasNode = await page.waitForSelector(`[data-test-id="canvas-node"][data-node-name="${name}"]`, { timeout: 20_000 });
			await canvasNode.click({ count: 2 });
			await page.waitForSelector('[data-test-id="ndv"]', { visible: true, timeout: 30_000 });
			const links = await waitFor(
				() => page.$$eval('[data-test-id="ndv"] a[href]', (anchors) => anchors.map((anchor) => anchor.href)),
				(hrefs) => hrefs.some((href) => href.startsWith('https://github.com/n8n-nodes-helpdesk')),
				20_000,
			);
			const docs = links.find((href) => href.startsWith(DOCS));
			assert.ok(docs, `${name}'s panel links its docs page: ${JSON.stringify(links)}`);
			assert.ok(!docs.includes('#'), docs);
			assert.match(new URL(docs).pathname, /\/docs\/nodes\/\w+\.md$/);
			await page.keyboard.press('Escape');
			await page.waitForSelector('[data-test-id="ndv"]', { hidden: true, timeout: 20_000 }).catch(() => undefined);
		}
	});
});
