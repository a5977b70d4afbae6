// End-to-end: the two AI examples of examples/ run as `npm start` imports
// them, without edits, against the sandbox and its scripted model: the "AI
// support agent" (Desk360 Ticket Trigger → AI Agent with Desk360 tools) and
// the "Helpdesk MCP server" (MCP Server Trigger), both published in a started n8n.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { controlSandbox, startSandbox } from '../../sandbox/server.mjs';
import { exampleWorkflows, sandboxCredentials } from '../../scripts/examples.mjs';
import { executionsOf, importCredentials, installPackedPackage, startWithPublishedWorkflows } from './harness.mjs';

const AGENT = 'exampleAiAgent01';
const MCP = 'exampleMcpServer';

let sandbox;
let server;
let client;

const stats = async () => await controlSandbox(sandbox.url, 'stats');
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Waits (up to `ms`) until `probe` gives a value. */
async function until(probe, ms, what) {
	for (const end = Date.now() + ms; Date.now() < end; await sleep(1000)) {
		const value = await probe();
		if (value) return value;
	}
	throw new Error(`${what}: not within ${ms / 1000} s\n${Buffer.concat(server.output).toString().slice(-3000)}`);
}

before(async () => {
	const { userFolder } = installPackedPackage();
	sandbox = await startSandbox({ port: 0 });
	await importCredentials(userFolder, sandboxCredentials(sandbox.url));
	const examples = exampleWorkflows().filter((workflow) => [AGENT, MCP].includes(workflow.id));
	assert.equal(examples.length, 2);
	server = await startWithPublishedWorkflows(userFolder, examples);
	client = new Client({ name: 'helpdesk-examples-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(`${server.base}/mcp/helpdesk`)));
});

after(async () => {
	await client?.close();
	await server?.stop();
	await sandbox?.stop();
});

describe('the AI examples under npm start', { timeout: 360_000 }, () => {
	it('"AI support agent": a changed ticket is read by the agent, which adds one note to it', async () => {
		const polls = async () => (await stats()).byRoute['GET /v1/products/:productId/tickets'] ?? 0;
		const ticket = sandbox.state.data.desk360.tickets.find((each) => each.product_id === 11 && each.status === 2);
		const { subject } = ticket;
		const finished = async () => (await executionsOf(server, AGENT)).find((execution) => ['success', 'error', 'crashed'].includes(execution.status));
		// The trigger's first poll starts from now: a change before it saved its start would be that start, not an event.
		// So: change the ticket after a poll, and again after the next poll if that one saw nothing.
		let done;
		for (let attempt = 1; !done && attempt <= 3; attempt++) {
			const seen = await until(polls, 90_000, 'a poll');
			await controlSandbox(sandbox.url, `tickets/${ticket.id}`, { subject: `${subject} (${attempt})` });
			await until(async () => (await polls()) > seen, 90_000, 'the next poll');
			done = await until(finished, 30_000, 'the agent’s execution').catch(() => undefined);
		}

		const executions = await executionsOf(server, AGENT);
		assert.equal(done?.status, 'success', `${JSON.stringify({ done, executions, byRoute: (await stats()).byRoute })}\n${Buffer.concat(server.output).toString().slice(-4000)}`);
		const { writes, byRoute } = await stats();
		assert.deepEqual(writes.map(({ path }) => path), [`/v1/products/11/tickets/${ticket.id}/note`]);
		const { requests } = await controlSandbox(sandbox.url, 'model/requests');
		assert.equal(byRoute['GET /v1/products/:productId/tickets/:ticketId'], 1, JSON.stringify({ byRoute, answers: requests.map((request) => request.answer) }));
		assert.deepEqual(requests[0].tools.map((tool) => tool.name).sort(), ['Add_note', 'Get_ticket', 'Reply']);
		assert.match(requests[0].messages.find((message) => message.role === 'user').content, new RegExp(`Desk360 ticket ${ticket.id} \\(updated`));
	});

	it('"Helpdesk MCP server": an MCP client lists its five tools and finds a customer’s tickets', async () => {
		const ticket = sandbox.state.data.desk360.tickets.find((each) => each.product_id === 11);

		const { tools } = await client.listTools();
		const listed = await client.callTool({ name: 'List_tickets', arguments: { customer_email: ticket.email } });

		assert.deepEqual(tools.map((tool) => tool.name).sort(), ['Add_note', 'Get_ticket', 'List_tickets', 'Reply', 'Sendbird_ticket']);
		const found = JSON.parse(listed.content.map((part) => part.text).join(''));
		assert.ok(found.length > 0 && found.every((each) => each.email === ticket.email), JSON.stringify(found));
	});
});
