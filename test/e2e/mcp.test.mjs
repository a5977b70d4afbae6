// End-to-end: n8n's MCP Server Trigger published in a started n8n, with the
// package's nodes as its tools; the official MCP SDK client connects as Claude
// Desktop or an IDE would, lists the tools and calls them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { controlSandbox, startSandbox } from '../../sandbox/server.mjs';
import { sandboxCredentials } from '../../scripts/examples.mjs';
import { aiWorkflow, HELPDESK_TOOLS, importCredentials, installPackedPackage, startWithPublishedWorkflows, toolShape } from './harness.mjs';

const WORKFLOW_ID = 'e2eMcpServer0001';
const MCP_PATH = 'helpdesk-e2e';

let sandbox;
let server;
let client;

/** A tool's text answer (n8n sends the tool's items as JSON text). */
const textOf = (result) => result.content.map((part) => part.text ?? '').join('');

before(async () => {
	const { userFolder } = installPackedPackage();
	sandbox = await startSandbox({ port: 0 });
	const credentials = sandboxCredentials(sandbox.url);
	await importCredentials(userFolder, credentials);
	const trigger = {
		name: 'MCP Server Trigger',
		type: '@n8n/n8n-nodes-langchain.mcpTrigger',
		// 2 exists in 2.8.4 and 2.41.1: Streamable HTTP (and SSE) at /mcp/<path>.
		typeVersion: 2,
		webhookId: '5f0c6a2e-9b1d-4c3e-8f7a-1d2e3f4a5b6c',
		parameters: { path: MCP_PATH },
	};
	const tools = [HELPDESK_TOOLS.getTicket, HELPDESK_TOOLS.addNote, HELPDESK_TOOLS.sendbirdTicket];
	const workflow = aiWorkflow(WORKFLOW_ID, 'Helpdesk MCP server', { chain: [trigger], subNodes: tools.map((node) => ({ node, connection: 'ai_tool' })) }, credentials);
	server = await startWithPublishedWorkflows(userFolder, [workflow]);
	client = new Client({ name: 'helpdesk-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(`${server.base}/mcp/${MCP_PATH}`)));
});

after(async () => {
	await client?.close();
	await server?.stop();
	await sandbox?.stop();
});

describe('MCP Server Trigger with the helpdesk tools', () => {
	it('lists the tools with their descriptions and input schemas', async () => {
		const { tools } = await client.listTools();

		const listed = Object.fromEntries(tools.map(({ name, description, inputSchema }) => [name, toolShape(description, inputSchema)]));
		assert.deepEqual(listed, {
			Get_ticket: toolShape.of('Desk360', 'ticket', 'get'),
			Add_note: toolShape.of('Desk360', 'ticket', 'addNote'),
			Sendbird_ticket: toolShape.of('SendbirdDesk', 'ticket', 'get'),
		});
	});

	it('reads a ticket and adds exactly one note', async () => {
		await controlSandbox(sandbox.url, 'reset', {});
		const ticket = sandbox.state.data.desk360.tickets.find((each) => each.product_id === 11 && each.subject);
		const sendbirdTicket = sandbox.state.data.sendbird.tickets[0];

		const read = await client.callTool({ name: 'Get_ticket', arguments: { ticket_id: ticket.id } });
		const sendbird = await client.callTool({ name: 'Sendbird_ticket', arguments: { ticket_id: sendbirdTicket.id } });
		const noted = await client.callTool({ name: 'Add_note', arguments: { ticket_id: ticket.id, note: 'Checked over MCP.' } });

		assert.ok(!read.isError, textOf(read));
		assert.equal(JSON.parse(textOf(read))[0].subject, ticket.subject);
		assert.equal(JSON.parse(textOf(sendbird))[0].channelName, sendbirdTicket.channelName);
		assert.ok(!noted.isError, textOf(noted));
		assert.equal(JSON.parse(textOf(noted))[0].type, 6);
		const { writes } = await controlSandbox(sandbox.url, 'stats');
		assert.deepEqual(
			writes.map(({ path, body }) => ({ path, body })),
			[{ path: `/v1/products/11/tickets/${ticket.id}/note`, body: { message: 'Checked over MCP.' } }],
		);
	});

	it('answers a call with a bad argument with a readable error, and sends nothing', async () => {
		await controlSandbox(sandbox.url, 'reset', {});
		const ticket = sandbox.state.data.desk360.tickets.find((each) => each.product_id === 11);

		const empty = await client.callTool({ name: 'Add_note', arguments: { ticket_id: ticket.id, note: '' } });
		const notANumber = await client.callTool({ name: 'Get_ticket', arguments: { ticket_id: 'the newest' } });

		// The node's check: answered as the tool's result, naming the argument to correct (no server stack trace).
		assert.deepEqual(JSON.parse(textOf(empty)), [
			{ error: 'Note is required and is empty', whatToDo: 'Correct the "note" argument and call the tool again.' },
			{ note: 'Nothing was sent.' },
		]);
		// n8n checks the arguments against the tool's schema before the node runs.
		assert.equal(notANumber.isError, true, JSON.stringify(notANumber));
		assert.match(textOf(notANumber), /Expected number, received string/);
		const stats = await controlSandbox(sandbox.url, 'stats');
		assert.deepEqual(stats.writes, []);
		assert.equal(stats.byRoute['GET /v1/products/:productId/tickets/:ticketId'], undefined);
	});
});
