import { ALL_EVENTS, autoReplies, chatbotHistory, messageOfType, post, STARTED, statusUpdate, textMessage } from './fixtures';

const IGNORED = {
	message: 'Received. No event in it is selected in the Desk360 WhatsApp Trigger: no workflow was started.',
};

/** Asserts the answer and outcome of a webhook that starts nothing. */
function expectIgnored(run: Awaited<ReturnType<typeof post>>) {
	expect(run.status).toBe(200);
	expect(run.body).toEqual(IGNORED);
	expect(run.result?.workflowData).toBeUndefined();
	expect(run.items).toEqual([]);
}

const BODY_OF_EVENT: Record<string, object> = {
	messageReceived: textMessage,
	statusUpdate: statusUpdate('read'),
	chatbotHistory,
	autoReply: autoReplies,
};

const MESSAGE_OF_TYPE: Record<string, object> = messageOfType;

const MESSAGE_TYPES = Object.keys(messageOfType);

const STATUS_OF: Record<string, string> = { delivered: 'delivered', read: 'read', other: 'sent' };

describe('Desk360 WhatsApp Trigger › filters', () => {
	describe('Events', () => {
		it.each(ALL_EVENTS)('starts for %s when it is selected', async (event) => {
			const run = await post(BODY_OF_EVENT[event], { events: [event] });

			expect(run.status).toBe(200);
			expect(run.body).toEqual(STARTED);
			expect(run.items.length).toBeGreaterThan(0);
			expect(new Set(run.items.map((item) => item.json.event))).toEqual(new Set([event]));
		});

		it.each(ALL_EVENTS)('answers 200 and starts nothing for %s when only the others are selected', async (event) => {
			const run = await post(BODY_OF_EVENT[event], { events: ALL_EVENTS.filter((other) => other !== event) });

			expectIgnored(run);
		});

		it('keeps only the selected events of a body that has several', async () => {
			const run = await post({ ...textMessage, ...statusUpdate('read'), ...autoReplies }, { events: ['statusUpdate'] });

			expect(run.items.map((item) => item.json.event)).toEqual(['statusUpdate']);
		});

		it('takes Message Received alone by default', async () => {
			const ignored = await post(statusUpdate('read'), { events: undefined });
			const started = await post(textMessage, { events: undefined });

			expectIgnored(ignored);
			expect(started.items).toHaveLength(1);
		});

		it('takes every event when the list is cleared', async () => {
			const run = await post(autoReplies, { events: [] });

			expect(run.items).toHaveLength(2);
		});
	});

	describe('Message Types', () => {
		it.each(MESSAGE_TYPES)('starts for a %s message when its type is selected', async (type) => {
			const run = await post(MESSAGE_OF_TYPE[type], { messageTypes: [type] });

			expect(run.items.map((item) => item.json.messageType)).toEqual([type]);
		});

		it.each(MESSAGE_TYPES)('starts nothing for a %s message when only the other types are selected', async (type) => {
			const run = await post(MESSAGE_OF_TYPE[type], { messageTypes: MESSAGE_TYPES.filter((other) => other !== type) });

			expectIgnored(run);
		});

		it.each(MESSAGE_TYPES)('takes a %s message by default', async (type) => {
			const run = await post(MESSAGE_OF_TYPE[type]);

			expect(run.items).toHaveLength(1);
		});

		it.each(['video', 'audio', 'document', 'sticker'])('counts a %s message as media', async (type) => {
			const run = await post(
				{ messages: { id: 'm1', type, [type]: { media_id: 'media-1', mime_type: 'application/octet-stream' } } },
				{ messageTypes: ['media'] },
			);

			expect(run.items.map((item) => item.json.messageType)).toEqual(['media']);
		});

		it('does not filter chatbot turns or auto replies by message type', async () => {
			const run = await post({ ...chatbotHistory, ...autoReplies }, { messageTypes: ['text'] });

			expect(run.items).toHaveLength(6);
		});
	});

	describe('Statuses', () => {
		it.each(Object.keys(STATUS_OF))('starts for a %s status when it is selected', async (choice) => {
			const run = await post(statusUpdate(STATUS_OF[choice]), { statuses: [choice] });

			expect(run.items.map((item) => item.json.status)).toEqual([STATUS_OF[choice]]);
		});

		it.each(Object.keys(STATUS_OF))('starts nothing for a %s status when only the others are selected', async (choice) => {
			const others = Object.keys(STATUS_OF).filter((other) => other !== choice);
			const run = await post(statusUpdate(STATUS_OF[choice]), { statuses: others });

			expectIgnored(run);
		});

		it('reads the status whatever its case', async () => {
			const run = await post(statusUpdate('READ'), { statuses: ['read'] });

			expect(run.items).toHaveLength(1);
		});

		it('filters only status updates, not the messages beside them', async () => {
			const run = await post({ ...textMessage, ...statusUpdate('delivered') }, { statuses: ['read'] });

			expect(run.items.map((item) => item.json.event)).toEqual(['messageReceived']);
		});
	});
});
