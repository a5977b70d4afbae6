import { post, textMessage } from './fixtures';

function expectBadRequest(run: Awaited<ReturnType<typeof post>>, problem: string) {
	expect(run.status).toBe(400);
	expect(run.body).toEqual({ message: `Not a Desk360 WhatsApp webhook: ${problem}. No workflow was started.` });
	expect(run.result).toEqual({ noWebhookResponse: true });
	expect(run.items).toEqual([]);
	expect(run.error).toBeUndefined();
}

describe('Desk360 WhatsApp Trigger › bad bodies', () => {
	it.each([
		['text/plain', 'text/plain'],
		['no content type', null],
		['an unknown content type', 'application/octet-stream'],
	])('answers 400 to a body that is not JSON, sent as %s', async (_case, contentType) => {
		expectBadRequest(await post('{"messages": {', {}, { contentType }), 'the body is not JSON');
	});

	it.each([
		['application/json', 'application/json'],
		['text/plain', 'text/plain'],
		['no content type', null],
	])('answers 400 to an empty body sent as %s', async (_case, contentType) => {
		expectBadRequest(await post(undefined, {}, { contentType }), 'the body is empty');
	});

	it('answers 400 to a body of blanks', async () => {
		expectBadRequest(await post('  \n ', {}, { contentType: 'text/plain' }), 'the body is empty');
	});

	it.each([
		['a list', [textMessage]],
		['a string', '"hello"'],
		['a number', '42'],
		['null', 'null'],
	])('answers 400 to JSON that is %s, not an object', async (what, body) => {
		expectBadRequest(await post(body), `the body is ${what === 'null' ? 'null' : what}, not a JSON object`);
	});

	it.each([
		['an empty object', {}],
		['other keys', { entry: [{ changes: [] }] }],
	])('answers 400 to %s: none of the known keys', async (_case, body) => {
		expectBadRequest(
			await post(body),
			'none of the keys messages, statuses, bot_histories, auto_replies is in the body',
		);
	});

	it.each([
		['messages as a text', { messages: 'hello' }, 'messages is a string, not an object'],
		['messages as null', { messages: null }, 'messages is null, not an object'],
		['a message without id', { messages: { type: 'text', text: 'hi' } }, 'messages.id is missing or not a text'],
		['a message with a numeric id', { messages: { id: 5, type: 'text' } }, 'messages.id is missing or not a text'],
		['a message without type', { messages: { id: 'm1', text: 'hi' } }, 'messages.type is missing or not a text'],
		[
			'a message with an object timestamp',
			{ messages: { id: 'm1', type: 'text', timestamp: { at: 1 } } },
			'messages.timestamp is an object, not a string or number',
		],
		['a status without status', { statuses: { id: 's1' } }, 'statuses.status is missing or not a text'],
		['a status as a number', { statuses: { id: 's1', status: 3 } }, 'statuses.status is missing or not a text'],
		['a chatbot turn that is a number', { bot_histories: [{ text: 'hi' }, 1] }, 'bot_histories[1] is a number, not an object'],
		['a chatbot turn with a list as type', { bot_histories: [{ type: ['Message'] }] }, 'bot_histories[0].type is a list, not a string'],
		['auto replies as a text', { auto_replies: 'x' }, 'auto_replies is a string, not an object'],
		['an auto reply with a boolean id', { auto_replies: [{ id: true }] }, 'auto_replies[0].id is a boolean, not a string'],
	])('answers 400 to wrong types: %s', async (_case, body, problem) => {
		expectBadRequest(await post(body), problem);
	});

	it('answers 400 to the whole body when one of its events is wrong', async () => {
		expectBadRequest(
			await post({ ...textMessage, statuses: { id: 's1' } }),
			'statuses.status is missing or not a text',
		);
	});

	it('answers 400 to a form body, whose values are all texts', async () => {
		const run = await post('messages=hello', {}, { contentType: 'application/x-www-form-urlencoded' });

		expectBadRequest(run, 'messages is a string, not an object');
	});

	it('takes a valid webhook sent as text/plain or without content type', async () => {
		const asText = await post(JSON.stringify(textMessage), {}, { contentType: 'text/plain' });
		const untyped = await post(JSON.stringify(textMessage), {}, { contentType: null });

		expect(asText.items.map((item) => item.json.id)).toEqual([textMessage.messages.id]);
		expect(untyped.items.map((item) => item.json.id)).toEqual([textMessage.messages.id]);
	});

	// n8n parses (and reads) the body before a version 2 node runs only for JSON, text, form and XML types.
	it.each([
		[1, 'no content type', null],
		[2, 'no content type', null],
		[1, 'application/octet-stream', 'application/octet-stream'],
		[2, 'application/octet-stream', 'application/octet-stream'],
		[2, 'a vendor JSON type n8n does not parse', 'application/vnd.desk360+json'],
	])('version %i reads a webhook sent with %s from the raw bytes', async (typeVersion, _case, contentType) => {
		const parameters = typeVersion === 1 ? { verification: 'none' } : {};

		const run = await post(JSON.stringify(textMessage), parameters, { contentType }, { typeVersion });

		expect(run.status).toBe(200);
		expect(run.body).toEqual({ message: 'Workflow was started' });
		expect(run.items.map((item) => item.json.id)).toEqual([textMessage.messages.id]);
	});

	it('answers 200 and starts nothing for a known key with an empty list', async () => {
		const run = await post({ bot_histories: [] });

		expect(run.status).toBe(200);
		expect(run.items).toEqual([]);
		expect(run.result?.workflowData).toBeUndefined();
	});
});

describe('Desk360 WhatsApp Trigger › a multipart form body', () => {
	it.each([1, 2])('version %i answers 400 and does not ask n8n to read the body again (n8n’s form parser has read it)', async (typeVersion) => {
		const parameters = typeVersion === 1 ? { verification: 'none' } : {};
		const body = '--b\r\nContent-Disposition: form-data; name="messages"\r\n\r\nhello\r\n--b--\r\n';

		const run = await post(body, parameters, { contentType: 'multipart/form-data; boundary=b' }, { typeVersion });

		expect(run.error).toBeUndefined();
		expect(run.status).toBe(400);
		expect(run.body).toEqual({
			message: 'Not a Desk360 WhatsApp webhook: none of the keys messages, statuses, bot_histories, auto_replies is in the body. No workflow was started.',
		});
	});
});
