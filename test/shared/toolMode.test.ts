/**
 * What an AI agent gets from the nodes as tools (through n8n-core's
 * createNodeAsTool, see helpers/tool.ts): failures answered instead of ending
 * the run, writes not repeated by an agent loop, and the rate limit's waits
 * said in the answer.
 */
import type { StructuredTool } from '@langchain/core/tools';

import { useTimeline } from '../helpers/timeline';
import { limitedApi } from '../helpers/limitedApi';
import { recordRequests } from '../helpers/expectations';
import { toolFor } from '../helpers/tool';
import { desk360, desk360Api, product, tokenCredentials } from '../desk360/fixtures';

const MINUTE = 60_000;
const ticket = (id: number) => ({ id, subject: `Ticket ${id}`, status: 2, priority: 1, settings: null, messages: [] });
const notFound = { error: { code: 'model_not_found_exception', message: 'No query results for model [App\\Models\\Ticket] 999999' } };

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function desk360Tool(parameters: Record<string, unknown>): Promise<StructuredTool> {
	return await toolFor(desk360, { product: product(11), ...parameters } as never, tokenCredentials as never);
}

async function ask(tool: StructuredTool, args: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
	return JSON.parse(String(await tool.invoke(args))) as Array<Record<string, unknown>>;
}

const getTicket = () =>
	desk360Tool({ resource: 'ticket', operation: 'get', ticketId: byId("={{ $fromAI('ticket_id', 'The ticket ID', 'number') }}") });

const reply = (extra: Record<string, unknown> = {}) =>
	desk360Tool({
		resource: 'ticket',
		operation: 'reply',
		ticketId: byId("={{ $fromAI('ticket_id', 'The ticket ID', 'number') }}"),
		message: "={{ $fromAI('message', 'The reply', 'string') }}",
		...extra,
	});

let timeline: ReturnType<typeof useTimeline>;
beforeEach(() => (timeline = useTimeline()));
afterEach(() => timeline.restore());

describe('tool mode › failures are answers the model can act on', () => {
	it("an unknown ticket: Desk360's 404 comes back as the tool's answer, with what to do; the run goes on", async () => {
		desk360Api().get('/v1/products/11/tickets/999999').reply(404, notFound);

		const answer = await ask(await getTicket(), { ticket_id: 999999 });

		expect(answer).toEqual([
			expect.objectContaining({ error: 'Ticket 999999 was not found in product 11', httpCode: '404', whatToDo: expect.any(String) }),
		]);
		expect(JSON.stringify(answer)).not.toContain('test-api-token');
	});

	it('a value a check refuses: answered with the argument to correct; nothing is sent', async () => {
		const requests = recordRequests(desk360Api());

		const answer = await ask(await reply(), { ticket_id: 5, message: '   ' });

		expect(requests).toEqual([]);
		expect(answer).toEqual([
			{ error: 'Message is required and is empty', whatToDo: 'Correct the "message" argument and call the tool again.' },
			{ note: 'Nothing was sent.' },
		]);
	});

	it("a value of the node's own settings refused: the model is told to tell the user; nothing is sent", async () => {
		const requests = recordRequests(desk360Api());
		const tool = await desk360Tool({
			resource: 'ticket',
			operation: 'reply',
			ticketId: byId('abc'),
			message: "={{ $fromAI('message', 'The reply', 'string') }}",
		});

		const answer = await ask(tool, { message: 'Hello' });

		expect(requests).toEqual([]);
		expect(answer[0]).toEqual({ error: expect.stringMatching(/^Ticket /), whatToDo: expect.stringMatching(/set in the tool's node, not by the model: tell the user\.$/) });
	});

	it('a server error on a write: answered (not thrown), saying it may have been applied; not sent again', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post('/v1/products/11/tickets/5/reply').reply(500, { error: { code: 'server_error', message: 'Server Error' } });

		const answer = await ask(await reply(), { ticket_id: 5, message: 'A reply that met a 500' });

		expect(requests).toHaveLength(1);
		expect(answer[0]).toEqual(expect.objectContaining({ httpCode: '500', whatToDo: expect.stringMatching(/may have reached Desk360/) }));
	});
});

describe('tool mode › an agent loop does not send the same write twice', () => {
	function replies() {
		const scope = desk360Api().persist();
		const requests = recordRequests(scope);
		let id = 100;
		scope.post('/v1/products/11/tickets/5/reply').reply(200, () => ({ id: id++, type: 1, message: 'sent' }));
		return requests;
	}

	it('the same reply twice within the guard: one request; the second answer is the first with a note', async () => {
		const requests = replies();
		const tool = await reply();

		const first = await ask(tool, { ticket_id: 5, message: 'Your refund is on its way.' });
		timeline.state.now += 20_000;
		const second = await ask(tool, { ticket_id: 5, message: 'Your refund is on its way.' });

		expect(requests).toHaveLength(1);
		expect(first).toEqual([expect.objectContaining({ id: 100 })]);
		expect(second).toEqual([first[0], { note: expect.stringMatching(/^Not sent again: this tool sent exactly the same 20 s ago/) }]);
	});

	it('both calls of a parallel pair at once: one request, both answered with it', async () => {
		const requests = replies();
		const tool = await reply();

		const answers = await Promise.all([1, 2].map(async () => await ask(tool, { ticket_id: 5, message: 'Parallel twin' })));

		expect(requests).toHaveLength(1);
		expect(answers.map((answer) => answer[0].id)).toEqual([100, 100]);
	});

	it.each([
		['another text', { message: 'Second, different text' }, {}, 0],
		['the guard switched off (0 s)', {}, { repeatGuardSeconds: 0 }, 0],
		['after the guard (300 s)', {}, {}, 301_000],
	])('%s: sent again', async (_case, change, parameters, laterMs) => {
		const requests = replies();
		const tool = await reply(parameters);
		const text = `Guarded text ${String(_case)}`;

		await ask(tool, { ticket_id: 5, message: text });
		timeline.state.now += laterMs;
		await ask(tool, { ticket_id: 5, message: text, ...change });

		expect(requests).toHaveLength(2);
	});

	it('a first call the API refused is not remembered: the second one sends', async () => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post('/v1/products/11/tickets/5/reply').reply(422, { error: { code: 'validation_exception', message: 'The ticket is closed.' } });
		scope.post('/v1/products/11/tickets/5/reply').reply(200, { id: 7, type: 1, message: 'sent' });
		const tool = await reply();

		const refused = await ask(tool, { ticket_id: 5, message: 'Try again later' });
		const sent = await ask(tool, { ticket_id: 5, message: 'Try again later' });

		expect(requests).toHaveLength(2);
		expect(refused[0].error).toMatch(/closed/);
		expect(sent).toEqual([expect.objectContaining({ id: 7 })]);
	});
});

describe('tool mode › pacing holds inside an agent', () => {
	it('15 tool calls in a minute on the Basic plan (10 a minute): all answered, no 429 failure, the waits said', async () => {
		const api = limitedApi({ limit: 10, windowMs: MINUTE, mode: 'laravel' });
		desk360Api()
			.persist()
			.get(/\/v1\/products\/11\/tickets\/\d+$/)
			.reply((uri) => api.reply(() => [200, ticket(Number(uri.split('/').pop()))]));
		const tool = await getTicket();
		const started = timeline.state.now;

		const answers: Array<Array<Record<string, unknown>>> = [];
		for (let call = 1; call <= 15; call++) answers.push(await ask(tool, { ticket_id: call }));

		expect(answers.map((answer) => answer[0].id)).toEqual(Array.from({ length: 15 }, (_, index) => index + 1));
		expect(answers.flat().filter((item) => 'error' in item)).toEqual([]);
		const waitNotes = answers.map((answer) => answer.find((item) => 'note' in item)?.note);
		expect(waitNotes.slice(0, 10)).toEqual(Array(10).fill(undefined));
		expect(waitNotes[10]).toMatch(/^Waited (5\d|60)(\.\d)? s for Desk360's rate limit before answering\.$/);
		expect(timeline.state.now - started).toBeGreaterThanOrEqual(MINUTE);
		expect(api.stats.acceptedAt).toHaveLength(15);
	});
});
