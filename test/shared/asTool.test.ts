/** The nodes as AI agent tools, through n8n-core's createNodeAsTool (see helpers/tool.ts). */
import { desk360, tokenCredentials, desk360Api } from '../desk360/fixtures';
import { recordRequests } from '../helpers/expectations';
import { schemaKeys, toolFor } from '../helpers/tool';
import { API_PATH, credentials as sendbirdCredentials, sendbird, sendbirdApi } from '../sendbird/fixtures';

describe('the nodes as AI agent tools (n8n-core createNodeAsTool)', () => {
	it('Desk360: the agent fills Product and Ticket through $fromAI; the tool answers the readable, simplified ticket', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get('/v1/products/12/tickets/5').reply(200, { id: 5, status: 2, priority: 1, subject: 'Refund', settings: null, messages: [] });

		const tool = await toolFor(
			desk360,
			{
				resource: 'ticket',
				operation: 'get',
				product: { __rl: true, mode: 'id', value: "={{ $fromAI('product_id', 'The Desk360 product ID', 'number') }}" },
				ticketId: { __rl: true, mode: 'id', value: "={{ $fromAI('ticket_id', 'The ticket ID', 'number') }}" },
			},
			tokenCredentials as never,
		);

		expect(tool.name).toBe('Helpdesk');
		expect(schemaKeys(tool)).toEqual(['product_id', 'ticket_id']);
		const answer = JSON.parse(String(await tool.invoke({ product_id: 12, ticket_id: 5 })));
		expect(requests.map((request) => request.path)).toEqual(['/v1/products/12/tickets/5']);
		expect(answer).toEqual([
			{ id: 5, subject: 'Refund', status: 2, status_name: 'Waiting', priority: 1, priority_name: 'Medium', messages: [] },
		]);
	});

	it('Desk360: a value the agent got wrong is refused before anything is sent, and the agent reads why (the run goes on)', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		const tool = await toolFor(
			desk360,
			{
				resource: 'whatsappMessage',
				operation: 'sendText',
				product: { __rl: true, mode: 'id', value: '12' },
				to: "={{ $fromAI('phone', 'The customer phone number with + and country code') }}",
				text: "={{ $fromAI('text', 'The message text') }}",
			},
			tokenCredentials as never,
		);

		const answer = JSON.parse(String(await tool.invoke({ phone: '0555 123', text: 'Hello' })));
		expect(answer[0].error).toMatch(/^To must start with \+ and the country code.*found: "0555 123"/);
		expect(answer.at(-1).note).toMatch(/Nothing was sent/);
		expect(requests).toEqual([]);
	});

	it('Sendbird Desk: the agent leaves a note in a ticket it names', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope.post(`${API_PATH}/ticket_notes`).reply(200, { id: 77, ticketId: 12546, note: 'Called the customer' });

		const tool = await toolFor(
			sendbird,
			{
				resource: 'ticketNote',
				operation: 'create',
				ticketId: { __rl: true, mode: 'id', value: "={{ $fromAI('ticket_id', 'The Sendbird Desk ticket ID', 'number') }}" },
				note: "={{ $fromAI('note', 'The note for the agents') }}",
			},
			sendbirdCredentials as never,
		);

		expect(schemaKeys(tool)).toEqual(['note', 'ticket_id']);
		const answer = JSON.parse(String(await tool.invoke({ ticket_id: 12546, note: 'Called the customer' })));
		expect(requests.map((request) => request.body)).toEqual([{ ticketId: 12546, note: 'Called the customer' }]);
		expect(answer).toEqual([{ id: 77, ticketId: 12546, note: 'Called the customer' }]);
	});
});
