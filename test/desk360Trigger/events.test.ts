import { autoReplies, chatbotHistory, messageOfType, post, STARTED, statusUpdate, textMessage } from './fixtures';
import { WEBHOOK_ID } from '../helpers/webhook';

describe('Desk360 WhatsApp Trigger › events', () => {
	it('starts the workflow with one item for a text message, its timestamp also as ISO 8601', async () => {
		const run = await post(textMessage);

		expect(run.status).toBe(200);
		expect(run.body).toEqual(STARTED);
		expect(run.items).toEqual([
			{
				json: {
					event: 'messageReceived',
					...textMessage.messages,
					timestampIso: '2021-09-06T07:39:35.000Z',
					messageType: 'text',
				},
			},
		]);
	});

	it.each([
		['location', '2023-11-15T12:50:59.000Z'],
		['contacts', '2023-11-15T12:53:17.000Z'],
		['media', '2023-07-19T08:47:29.000Z'],
		['button', '2023-08-23T10:41:27.000Z'],
		['other', '2023-08-23T10:41:27.000Z'],
	] as const)('keeps every field of a message of type %s and names its type', async (messageType, timestampIso) => {
		const body = messageOfType[messageType];
		const run = await post(body);

		expect(run.status).toBe(200);
		expect(run.items.map((item) => item.json)).toEqual([
			{ event: 'messageReceived', ...body.messages, timestampIso, messageType },
		]);
		expect(run.items[0].binary).toBeUndefined();
	});

	it.each(['delivered', 'read'])('starts with one item for a %s status update', async (status) => {
		const run = await post(statusUpdate(status));

		expect(run.status).toBe(200);
		expect(run.items.map((item) => item.json)).toEqual([
			{ event: 'statusUpdate', ...statusUpdate(status).statuses, timestampIso: null },
		]);
	});

	it('makes one item per chatbot turn, numbered, with ISO times where Desk360 sent one', async () => {
		const run = await post(chatbotHistory);

		expect(run.status).toBe(200);
		expect(run.items.map((item) => item.json)).toEqual(
			chatbotHistory.bot_histories.map((turn, index) => ({
				event: 'chatbotHistory',
				...turn,
				timestampIso: [null, '2023-08-23T10:41:27.000Z', null, '2023-08-23T10:41:39.000Z'][index],
				position: index + 1,
				total: 4,
			})),
		);
	});

	it('makes one item per auto reply, attachments kept', async () => {
		const run = await post(autoReplies);

		expect(run.items.map((item) => item.json)).toEqual(
			autoReplies.auto_replies.map((reply, index) => ({
				event: 'autoReply',
				...reply,
				timestampIso: '2023-08-23T07:59:03.000Z',
				position: index + 1,
				total: 2,
			})),
		);
	});

	it('makes items for every known key of one body, in a fixed order', async () => {
		const run = await post({ ...autoReplies, ...statusUpdate('read'), ...textMessage });

		expect(run.items.map((item) => item.json.event)).toEqual([
			'messageReceived',
			'statusUpdate',
			'autoReply',
			'autoReply',
		]);
	});

	it('reads timestamps sent as numbers, and in milliseconds, and leaves other texts without ISO time', async () => {
		const run = await post({
			auto_replies: [
				{ id: 'a', timestamp: 1692777543 },
				{ id: 'b', timestamp: '1692777543123' },
				{ id: 'c', timestamp: '2023-08-23 07:59:03' },
			],
		});

		expect(run.items.map((item) => item.json.timestampIso)).toEqual([
			'2023-08-23T07:59:03.000Z',
			'2023-08-23T07:59:03.123Z',
			null,
		]);
	});

	it('adds the whole body to each item with Include Raw Payload', async () => {
		const run = await post(chatbotHistory, { options: { includeRawPayload: true } });

		expect(run.items).toHaveLength(4);
		for (const item of run.items) expect(item.json.rawPayload).toEqual(chatbotHistory);
	});

	it('lets Desk360 fields named like ours not hide the event kind', async () => {
		const run = await post({ statuses: { id: 's1', status: 'read', event: 'something else' } });

		expect(run.items[0].json.event).toBe('statusUpdate');
	});

	it.each([
		['trigger', `http://localhost:5678/webhook/${WEBHOOK_ID}/webhook`],
		['manual', `http://localhost:5678/webhook-test/${WEBHOOK_ID}/webhook`],
	] as const)('works the same on the %s URL (%s)', async (mode, url) => {
		const run = await post(textMessage, {}, {}, { mode });

		expect(run.webhookUrl).toBe(url);
		expect(run.status).toBe(200);
		expect(run.items.map((item) => item.json.id)).toEqual([textMessage.messages.id]);
	});
});
