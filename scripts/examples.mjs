// Ready-made credentials (pointing at the local sandbox) and example workflows
// that `npm start` imports into n8n, so a newcomer can run the nodes at once.
import { SANDBOX_CREDENTIALS } from '../sandbox/server.mjs';

const PACKAGE = 'n8n-nodes-helpdesk';
const DESK360 = { id: 'sandboxDesk360Tk', name: 'Desk360 sandbox (API token)' };
const DESK360_LOGIN = { id: 'sandboxDesk360Lg', name: 'Desk360 sandbox (email and password)' };
const SENDBIRD = { id: 'sandboxSendbird1', name: 'Sendbird Desk sandbox' };
const WHATSAPP_WEBHOOK = { id: 'sandboxWaWebhook', name: 'Desk360 WhatsApp webhook (sandbox secret)' };

/** The secret of the example WhatsApp trigger: Desk360 would send it as ?secret=… in the pasted URL. */
export const WHATSAPP_WEBHOOK_SECRET = 'sandbox-secret';

export function sandboxCredentials(sandboxUrl) {
	const { desk360, sendbird } = SANDBOX_CREDENTIALS;
	return [
		{ ...DESK360, type: 'desk360Api', data: { authMode: 'apiToken', apiToken: desk360.apiToken, baseUrl: sandboxUrl, sessionToken: '' } },
		{ ...DESK360_LOGIN, type: 'desk360Api', data: { authMode: 'login', email: desk360.email, password: desk360.password, baseUrl: sandboxUrl, sessionToken: '' } },
		{ ...SENDBIRD, type: 'sendbirdDeskApi', data: { applicationId: sendbird.applicationId, apiToken: sendbird.apiToken, baseUrl: `${sandboxUrl}${sendbird.basePath}` } },
		{
			...WHATSAPP_WEBHOOK,
			type: 'desk360WhatsAppWebhookApi',
			data: { sentIn: 'queryParameter', parameterName: 'secret', headerName: 'X-Webhook-Secret', secret: WHATSAPP_WEBHOOK_SECRET },
		},
	];
}

function workflow(id, name, nodes) {
	const connections = {};
	nodes.slice(1).forEach((node, index) => {
		connections[nodes[index].name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	});
	return {
		id,
		name,
		active: false,
		nodes: nodes.map((node, index) => ({ id: `${id}-${index}`, typeVersion: 1, position: [index * 240, 0], ...node })),
		connections,
		settings: { executionOrder: 'v1' },
	};
}

const start = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} };
const product = { __rl: true, mode: 'list', value: '11', cachedResultName: 'Shop App' };

function desk360(name, parameters, credential = DESK360) {
	return { name, type: `${PACKAGE}.desk360`, parameters, credentials: { desk360Api: credential } };
}

/** Example workflows over the sandbox's seeded data (seed 42). */
export function exampleWorkflows(sandboxData) {
	const reason = sandboxData.desk360.reasons.find((candidate) => candidate.product_id === 11);
	const ticket = { __rl: true, mode: 'id', value: "={{ $('Open a ticket').item.json.id }}" };
	return [
		workflow('exampleTickets01', 'Desk360: latest waiting tickets', [
			start,
			desk360('Waiting tickets', { resource: 'ticket', operation: 'getAll', product, returnAll: false, limit: 20, filters: { status: 2 } }),
		]),
		workflow('exampleTickets02', 'Desk360: open a ticket, reply and resolve it', [
			start,
			desk360('Open a ticket', {
				resource: 'ticket', operation: 'create', product, customerName: 'Jane Doe', email: 'jane@example.com',
				reason: reason.id, description: 'My order has not arrived yet.', status: 2,
			}),
			desk360('Reply', { resource: 'ticket', operation: 'reply', product, ticketId: ticket, message: 'Sorry! It ships today.' }),
			desk360('Resolve', { resource: 'ticket', operation: 'updateStatus', product, ticketId: ticket, status: 1, reason: reason.id }),
		]),
		workflow('exampleWhatsApp1', 'Desk360: WhatsApp templates and a text message', [
			start,
			desk360('Templates', { resource: 'whatsappTemplate', operation: 'getAll', product, returnAll: true }),
			{ ...desk360('Send a text', { resource: 'whatsappMessage', operation: 'sendText', product, to: '+905551112233', text: 'Hello from n8n!' }), executeOnce: true },
		]),
		workflow('exampleLogin0001', 'Desk360: who am I (email and password credential)', [
			start,
			desk360('Current agent', { resource: 'agent', operation: 'getCurrent' }, DESK360_LOGIN),
		]),
		workflow('exampleSendbird1', 'Sendbird Desk: ticket notes of the last 30 days', [
			start,
			{ name: 'Ticket notes', type: `${PACKAGE}.sendbirdDesk`, parameters: { resource: 'ticketNote', operation: 'getAll', returnAll: true }, credentials: { sendbirdDeskApi: SENDBIRD } },
		]),
		workflow('exampleTrigger01', 'Desk360 WhatsApp Trigger: WhatsApp messages (publish it, then post a sandbox webhook)', [
			{
				name: 'Desk360 WhatsApp Trigger',
				type: `${PACKAGE}.desk360Trigger`,
				typeVersion: 2,
				webhookId: 'a6f1c2d3-0b4e-4f5a-8c7d-000000000001',
				parameters: { authentication: 'webhookSecret', events: ['messageReceived'] },
				credentials: { desk360WhatsAppWebhookApi: WHATSAPP_WEBHOOK },
			},
		]),
		workflow('exampleTicketTr1', 'Desk360 Ticket Trigger: new and updated tickets of the Shop App (publish it, then change a ticket)', [
			{
				name: 'Desk360 Ticket Trigger',
				type: `${PACKAGE}.desk360TicketTrigger`,
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, product, events: ['newTicket', 'updatedTicket'] },
				credentials: { desk360Api: DESK360 },
			},
		]),
		workflow('exampleSendbirdT', 'Sendbird Desk Trigger: ticket events (publish it, then post a signed sandbox webhook)', [
			{
				name: 'Sendbird Desk Trigger',
				type: `${PACKAGE}.sendbirdDeskTrigger`,
				webhookId: 'a6f1c2d3-0b4e-4f5a-8c7d-000000000002',
				parameters: { events: '' },
				credentials: { sendbirdDeskApi: SENDBIRD },
			},
		]),
	];
}
