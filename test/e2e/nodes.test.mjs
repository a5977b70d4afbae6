// End-to-end: the packed package inside real n8n (CLI import + execute)
// against the local sandbox. Run with `npm run test:e2e`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { SANDBOX_CREDENTIALS, startSandbox } from '../../sandbox/server.mjs';
import { chainWorkflow, executeWorkflow, importCredentials, importWorkflow, installPackedPackage } from './harness.mjs';

const CREDENTIAL_IDS = {
	desk360Api: 'e2eDesk360Token1',
	desk360Login: 'e2eDesk360Login1',
	sendbirdDeskApi: 'e2eSendbirdDesk1',
};

let sandbox;
let userFolder;

async function sandboxStats() {
	return await (await fetch(`${sandbox.url}/__sandbox/stats`)).json();
}

async function sandboxControl(path, body) {
	const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body ?? {}),
	});
	return await response.json();
}

async function run(name, steps) {
	const workflow = chainWorkflow(name, steps, CREDENTIAL_IDS);
	await importWorkflow(userFolder, workflow);
	const result = await executeWorkflow(userFolder, workflow.id);
	assert.equal(result.error, undefined, `workflow "${name}" failed: ${JSON.stringify(result.error)}\n${result.log.slice(-3000)}`);
	return result.outputs;
}

const desk360 = (name, parameters, extra = {}) => ({
	name,
	type: 'desk360',
	credentialType: 'desk360Api',
	executeOnce: true,
	parameters,
	...extra,
});
const product = (id) => ({ __rl: true, mode: 'list', value: String(id) });

before(async () => {
	({ userFolder } = installPackedPackage());
	sandbox = await startSandbox({ port: 0 });
	const { desk360: d, sendbird: s } = SANDBOX_CREDENTIALS;
	await importCredentials(userFolder, [
		{ id: CREDENTIAL_IDS.desk360Api, name: 'desk360Api', type: 'desk360Api', data: { authMode: 'apiToken', apiToken: d.apiToken, baseUrl: sandbox.url, sessionToken: '' } },
		{ id: CREDENTIAL_IDS.desk360Login, name: 'desk360Login', type: 'desk360Api', data: { authMode: 'login', email: d.email, password: d.password, baseUrl: sandbox.url, sessionToken: '' } },
		{ id: CREDENTIAL_IDS.sendbirdDeskApi, name: 'sendbirdDeskApi', type: 'sendbirdDeskApi', data: { applicationId: s.applicationId, apiToken: s.apiToken, baseUrl: `${sandbox.url}${s.basePath}` } },
	]);
});

after(async () => {
	await sandbox?.stop();
});

describe('Desk360 node in n8n', () => {
	it('lists products, agents, ticket types and reasons (Return All over pages)', async () => {
		const outputs = await run('Desk360 lists', [
			desk360('Products', { resource: 'product', operation: 'getAll', returnAll: true }),
			desk360('Agents', { resource: 'agent', operation: 'getAll', returnAll: true }),
			desk360('Me', { resource: 'agent', operation: 'getCurrent' }),
			desk360('Types', { resource: 'ticketType', operation: 'getAll', returnAll: true }),
			desk360('Reasons', { resource: 'reason', operation: 'getAll', returnAll: false, limit: 3 }),
		]);
		const data = sandbox.state.data.desk360;
		assert.deepEqual(outputs.Products.map((p) => p.id), data.products.map((p) => p.id));
		assert.equal(outputs.Agents.length, data.agents.length);
		assert.equal(outputs.Me.length, 1);
		assert.equal(outputs.Types.length, data.types.length);
		assert.equal(outputs.Reasons.length, 3);
	});

	it('runs every ticket type and reason operation', async () => {
		const typeId = "={{ $('Create type').item.json.id }}";
		const reasonId = "={{ $('Create reason').item.json.id }}";
		const outputs = await run('Desk360 types and reasons', [
			desk360('Create type', { resource: 'ticketType', operation: 'create', product: product(11), title: 'E2E type', description: 'From n8n', isActive: true }),
			desk360('Get type', { resource: 'ticketType', operation: 'get', ticketTypeId: typeId }),
			desk360('Switch type off', { resource: 'ticketType', operation: 'update', ticketTypeId: typeId, isActive: false }),
			desk360('Create reason', { resource: 'reason', operation: 'create', product: product(11), title: 'E2E reason', isActive: true }),
			desk360('Get reason', { resource: 'reason', operation: 'get', reasonId }),
			desk360('Rename reason', { resource: 'reason', operation: 'update', reasonId, updateFields: { title: 'E2E reason renamed' } }),
		]);
		assert.equal(outputs['Get type'][0].title, 'E2E type');
		assert.equal(outputs['Switch type off'][0].is_active, false);
		assert.equal(outputs['Get reason'][0].id, outputs['Create reason'][0].id);
		assert.equal(outputs['Rename reason'][0].title, 'E2E reason renamed');
	});

	it('runs every ticket operation on one ticket, and Return All over many pages', async () => {
		const reason = sandbox.state.data.desk360.reasons.find((r) => r.product_id === 11);
		const ticketId = "={{ $('Create').item.json.id }}";
		const ticket = { __rl: true, mode: 'id', value: ticketId };
		// Counted before the run: the run creates one more.
		const productTickets = sandbox.state.data.desk360.tickets.filter((t) => t.product_id === 11).length;
		const outputs = await run('Desk360 tickets', [
			desk360('All tickets', { resource: 'ticket', operation: 'getAll', product: product(11), returnAll: true }),
			desk360('Create', {
				resource: 'ticket', operation: 'create', product: product(11), customerName: 'E2E Customer',
				email: 'e2e@example.com', reason: reason.id, description: 'Created by the e2e test', status: 2,
			}),
			desk360('Reply', { resource: 'ticket', operation: 'reply', product: product(11), ticketId: ticket, message: 'We are on it' }),
			desk360('Note', { resource: 'ticket', operation: 'addNote', product: product(11), ticketId: ticket, message: 'VIP' }),
			desk360('Resolve', { resource: 'ticket', operation: 'updateStatus', product: product(11), ticketId: ticket, status: 1, reason: reason.id }),
			desk360('Get', { resource: 'ticket', operation: 'get', product: product(11), ticketId: ticket }),
			desk360('Logs', { resource: 'ticket', operation: 'getLogs', product: product(11), ticketId: ticket }),
			desk360('Search', { resource: 'ticket', operation: 'getAll', product: product(11), returnAll: false, limit: 25, filters: { status: 2 } }),
		]);
		assert.ok(productTickets > 40, 'the seed has several pages of tickets');
		assert.equal(outputs['All tickets'].length, productTickets);
		assert.equal(outputs.Create[0].name, 'E2E Customer');
		assert.equal(outputs.Reply[0].message, 'We are on it');
		assert.equal(outputs.Note[0].type, 6);
		assert.equal(outputs.Resolve[0].status, 1);
		assert.equal(outputs.Get[0].id, outputs.Create[0].id);
		assert.ok(outputs.Get[0].messages.length >= 2);
		assert.ok(outputs.Logs.length >= 1);
		assert.equal(outputs.Search.length, 25);
		assert.ok(outputs.Search.every((t) => t.status === 2));
	});

	it('works with an email/password credential (login by the credential itself)', async () => {
		const before = await sandboxStats();
		const outputs = await run('Desk360 login mode', [
			desk360('Me', { resource: 'agent', operation: 'getCurrent' }, { credential: 'desk360Login' }),
		]);
		const afterStats = await sandboxStats();
		assert.equal(outputs.Me[0].email, SANDBOX_CREDENTIALS.desk360.email);
		assert.equal(afterStats.logins - before.logins, 1);
	});

	it('runs every WhatsApp template and message operation', async () => {
		const template = sandbox.state.data.desk360.templates.find((t) => t.product_id === 11 && t.languages.length > 0);
		const language = template.languages[0];
		const parameters = (language.parameters ?? []).map((key) => ({ key, value: 'n8n' }));
		const to = '+905551112233';
		const message = (name, operation, extra) => desk360(name, { resource: 'whatsappMessage', operation, product: product(11), ...extra });
		const outputs = await run('Desk360 WhatsApp', [
			desk360('Templates', { resource: 'whatsappTemplate', operation: 'getAll', product: product(11), returnAll: true }),
			desk360('Send template', {
				resource: 'whatsappTemplate', operation: 'send', product: product(11), templateId: template.id,
				languageCode: language.language_code, phoneNumber: to, templateParameters: { parameter: parameters },
			}),
			desk360('Send bulk', {
				resource: 'whatsappTemplate', operation: 'sendBulk', product: product(11), templateId: template.id,
				languageCode: language.language_code, phones: '+905551112233, +905551112244', templateParameters: { parameter: parameters },
			}),
			message('Text', 'sendText', { to, text: 'Hello from n8n' }),
			message('Location', 'sendLocation', { to, latitude: 41.0082, longitude: 28.9784, locationName: 'Office', address: 'Istanbul' }),
			message('Contacts', 'sendContacts', { to, contacts: { contact: [{ formattedName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' }] } }),
			message('Buttons', 'sendInteractive', { to, body: 'Pick one', buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] } }),
			message('Location request', 'sendLocationRequest', { to, body: 'Where are you?' }),
			message('Read', 'markAsRead', { messageIds: 'wamid.e2e1' }),
			message('Media', 'getMedia', { mediaId: '83518734-56a9-4b51-8372-93f1432cfa9b' }),
		]);
		const templates = sandbox.state.data.desk360.templates.filter((t) => t.product_id === 11).length;
		assert.ok(templates > 20);
		assert.equal(outputs.Templates.length, templates);
		assert.ok(outputs.Templates[0].language_codes.length >= 1);
		const stats = await sandboxStats();
		const routes = stats.writes.map((w) => w.route);
		for (const route of [
			'POST /v1/products/:productId/conversations/templates/:templateId/send',
			'POST /v1/products/:productId/conversations/templates/:templateId/send/bulk',
			'POST /v1/products/:productId/conversations/messages',
			'POST /v1/products/:productId/conversations/messages/interactive',
			'POST /v1/products/:productId/conversations/messages/read',
		]) {
			assert.ok(routes.includes(route), route);
		}
		assert.ok(stats.writes.some((w) => w.body?.text === 'Hello from n8n'));
		assert.equal(stats.writes.filter((w) => w.route === 'POST /v1/products/:productId/conversations/messages/interactive').length, 2);
		assert.ok(outputs.Media.length === 1 && outputs.Media[0] !== undefined);
	});
});

describe('Sendbird Desk node in n8n', () => {
	it('runs every ticket note, ticket, customer, agent and group operation', async () => {
		const { tickets, customers, groups } = sandbox.state.data.sendbird;
		// Counted before the run: it creates a customer.
		const customerCount = customers.length;
		const ticketId = String(tickets[0].id);
		const noteId = "={{ $('Note').item.json.id }}";
		const sendbird = (name, parameters) => ({ name, type: 'sendbirdDesk', credentialType: 'sendbirdDeskApi', executeOnce: true, parameters });
		const outputs = await run('Sendbird', [
			sendbird('Note', { resource: 'ticketNote', operation: 'create', ticketId, note: 'From n8n' }),
			sendbird('Notes', { resource: 'ticketNote', operation: 'getAll', returnAll: true }),
			sendbird('Edit note', { resource: 'ticketNote', operation: 'update', noteId, note: 'Edited in n8n' }),
			sendbird('Delete note', { resource: 'ticketNote', operation: 'delete', noteId }),
			sendbird('Tickets', { resource: 'ticket', operation: 'getAll', returnAll: true }),
			sendbird('Ticket', { resource: 'ticket', operation: 'get', ticketId }),
			sendbird('Priority', { resource: 'ticket', operation: 'updatePriority', ticketId, priority: 'HIGH' }),
			sendbird('Close', { resource: 'ticket', operation: 'close', ticketId }),
			sendbird('Customers', { resource: 'customer', operation: 'getAll', returnAll: true }),
			sendbird('Customer', { resource: 'customer', operation: 'get', customerId: String(customers[0].id) }),
			sendbird('New customer', { resource: 'customer', operation: 'create', sendbirdId: 'e2e-user-1' }),
			sendbird('Agents', { resource: 'agent', operation: 'getAll', returnAll: true }),
			sendbird('Groups', { resource: 'group', operation: 'getAll', returnAll: true }),
			sendbird('Group', { resource: 'group', operation: 'get', groupId: String(groups[0].id) }),
		]);
		assert.equal(outputs.Note[0].note, 'From n8n');
		assert.ok(outputs.Notes.some((n) => n.id === outputs.Note[0].id));
		assert.equal(outputs['Edit note'][0].note, 'Edited in n8n');
		assert.equal(outputs['Delete note'][0].id, outputs.Note[0].id);
		assert.equal(outputs.Tickets.length, tickets.length);
		assert.equal(String(outputs.Ticket[0].id), ticketId);
		assert.equal(outputs.Priority[0].priority, 'HIGH');
		assert.equal(outputs.Close[0].status2, 'CLOSED');
		assert.equal(outputs.Customers.length, customerCount);
		assert.equal(outputs['New customer'][0].sendbirdId, 'e2e-user-1');
		assert.equal(outputs.Agents.length, sandbox.state.data.sendbird.agents.length);
		assert.equal(outputs.Groups.length, groups.length);
		assert.equal(outputs.Group[0].id, groups[0].id);
	});
});

describe('at the edges, in n8n', () => {
	it('behind a proxy whose API names its own host in next-page links, Return All still reads every page', async () => {
		await sandboxControl('reset');
		await sandboxControl('proxy', { behindProxy: true });
		try {
			const outputs = await run('Behind a proxy', [
				desk360('Tickets', { resource: 'ticket', operation: 'getAll', product: product(11), returnAll: true }),
				desk360('Templates', { resource: 'whatsappTemplate', operation: 'getAll', product: product(11), returnAll: true }),
				{ name: 'Notes', type: 'sendbirdDesk', credentialType: 'sendbirdDeskApi', executeOnce: true, parameters: { resource: 'ticketNote', operation: 'getAll', returnAll: true } },
			]);
			const { desk360: desk, sendbird } = sandbox.state.data;
			assert.equal(outputs.Tickets.length, desk.tickets.filter((t) => t.product_id === 11).length);
			assert.equal(outputs.Templates.length, desk.templates.filter((t) => t.product_id === 11).length);
			assert.ok(outputs.Notes.length > 0 && outputs.Notes.length <= sendbird.notes.length);
		} finally {
			await sandboxControl('proxy', { behindProxy: false });
		}
	});

	it('a server error on a read is retried and the list comes back whole', async () => {
		await sandboxControl('reset');
		await sandboxControl('faults', { status: 500, count: 1, method: 'GET' });
		const outputs = await run('Server error on a read', [
			desk360('Tickets', { resource: 'ticket', operation: 'getAll', product: product(11), returnAll: true }),
		]);
		const stats = await sandboxStats();
		assert.equal(outputs.Tickets.length, sandbox.state.data.desk360.tickets.filter((t) => t.product_id === 11).length);
		assert.equal(stats.byStatus['500'], 1);
	});

	it('a write that got a server error is not sent again, and the error says it may have been applied', async () => {
		await sandboxControl('reset');
		await sandboxControl('faults', { status: 503, count: 1, method: 'POST' });
		const reason = sandbox.state.data.desk360.reasons.find((r) => r.product_id === 11);
		const workflow = chainWorkflow('Server error on a write', [
			desk360('Create', {
				resource: 'ticket', operation: 'create', product: product(11), customerName: 'Once', email: 'once@example.com',
				reason: reason.id, description: 'At most once', status: 2,
			}),
		], CREDENTIAL_IDS);
		await importWorkflow(userFolder, workflow);
		const { error } = await executeWorkflow(userFolder, workflow.id);
		const stats = await sandboxStats();
		assert.equal(stats.byRoute['POST /v1/products/:productId/tickets'], 1);
		assert.match(String(error?.description), /may have reached Desk360 and been applied/);
	});
});

describe('rate limit in n8n', () => {
	it('creates 30 tickets against 10 requests per 2 s: every item exactly once', async () => {
		await sandboxControl('reset');
		await sandboxControl('config', { limit: 10, windowMs: 2000 });
		const reason = sandbox.state.data.desk360.reasons.find((r) => r.product_id === 11);
		try {
			const outputs = await run('Rate limited creates', [
				{ name: 'Items', type: 'n8n-nodes-base.code', parameters: { jsCode: 'return Array.from({ length: 30 }, (_, i) => ({ json: { name: `Bulk ${i}` } }));' } },
				{
					name: 'Create', type: 'desk360', credentialType: 'desk360Api',
					parameters: {
						resource: 'ticket', operation: 'create', product: product(11), customerName: '={{ $json.name }}',
						email: 'bulk@example.com', reason: reason.id, description: 'Bulk import', status: 2,
					},
				},
			]);
			const stats = await sandboxStats();
			const names = stats.writes.filter((w) => w.route === 'POST /v1/products/:productId/tickets').map((w) => w.body.name);
			assert.equal(outputs.Create.length, 30);
			assert.equal(names.length, 30);
			assert.equal(new Set(names).size, 30);
			assert.ok(stats.refused429 <= 2, `refused ${stats.refused429}`);
		} finally {
			await sandboxControl('config', { limit: null });
		}
	});
});
