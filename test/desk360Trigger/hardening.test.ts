import { deepCopy } from 'n8n-workflow';

import { MAX_EVENTS_PER_DELIVERY } from '../../nodes/Desk360Trigger/Desk360Trigger.node';
import { desk360Api, product, tokenCredentials } from '../desk360/fixtures';
import { recordRequests } from '../helpers/expectations';
import { chatbotHistory, imageMessage, post, STARTED, textMessage } from './fixtures';

describe('Desk360 WhatsApp Trigger › __proto__ in a webhook body', () => {
	// Sent as text: an object literal's "__proto__" would set the prototype here instead of sending the key.
	const body = `{"__proto__": {"polluted": "top"}, "messages": {"id": "ABEGkF-proto", "type": "text", "text": "Hi", "timestamp": "1630913975", "__proto__": {"polluted": "nested", "id": "forged"}, "meta": {"__proto__": {"isAdmin": true}}}}`;

	it.each([
		['n8n’s parsed JSON body', 'application/json'],
		['the raw text of an untyped body', null],
	])('gives each item only its own keys (%s), also after n8n copies it', async (_case, contentType) => {
		const run = await post(body, { options: { includeRawPayload: true } }, { contentType });

		expect(run.status).toBe(200);
		const [item] = run.items;
		for (const json of [item.json, deepCopy(item.json)]) {
			expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
			expect(json.polluted).toBeUndefined();
			expect(json.id).toBe('ABEGkF-proto');
			expect(Object.keys(json)).not.toContain('__proto__');
			expect((json.meta as Record<string, unknown>).isAdmin).toBeUndefined();
			expect((json.rawPayload as Record<string, unknown>).polluted).toBeUndefined();
			expect(Object.keys(json.rawPayload as object)).toEqual(['messages']);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('answers 400 to a body whose only key is __proto__', async () => {
		const run = await post('{"__proto__": {"messages": {"id": "m1", "type": "text"}}}');

		expect(run.status).toBe(400);
		expect(run.items).toEqual([]);
	});
});

describe('Desk360 WhatsApp Trigger › media IDs', () => {
	it.each(['..', '.', '../../v1/me', 'a/b', '%2e%2e', '%2E%2e%2F', '%2F', '..%2f', 'a?b=1', 'a#b', '.hidden'])(
		'refuses the media ID %p clearly and sends no request with it',
		async (mediaId) => {
			const message = { messages: { ...imageMessage.messages, image: { ...imageMessage.messages.image, media_id: mediaId } } };

			const run = await post(message, { apiActions: ['downloadMedia'], product: product(12) }, {}, { credentials: tokenCredentials });

			expect(run.status).toBe(200);
			expect(run.items[0].binary).toBeUndefined();
			expect(run.items[0].json.mediaError).toEqual({
				message: `Media ID must be an ID of letters, digits, _ - . : = + (not starting with a dot, at most 200 characters) (found: ${JSON.stringify(mediaId)})`,
				description: 'Correct "Media ID" in the node\'s parameters or the expression that fills it.',
			});
		},
	);

	it('downloads a media ID that stays one path segment, encoded', async () => {
		const requests = recordRequests(
			desk360Api().get('/v1/products/12/conversations/messages/media/wamid.HBg%3DAbc-1_2').reply(200, Buffer.from('x'), { 'Content-Type': 'image/png' }),
		);
		const message = { messages: { ...imageMessage.messages, image: { ...imageMessage.messages.image, media_id: 'wamid.HBg=Abc-1_2' } } };

		const run = await post(message, { apiActions: ['downloadMedia'], product: product(12) }, {}, { credentials: tokenCredentials });

		expect(requests).toHaveLength(1);
		expect(run.items[0].json.mediaError).toBeUndefined();
	});
});

describe('Desk360 WhatsApp Trigger › events per delivery', () => {
	const turns = (count: number) => ({ bot_histories: Array.from({ length: count }, (_, index) => ({ ...chatbotHistory.bot_histories[0], text: `turn ${index}` })) });

	it(`starts the workflow with up to ${MAX_EVENTS_PER_DELIVERY} events`, async () => {
		const run = await post(turns(MAX_EVENTS_PER_DELIVERY));

		expect(run.status).toBe(200);
		expect(run.body).toEqual(STARTED);
		expect(run.items).toHaveLength(MAX_EVENTS_PER_DELIVERY);
	});

	it('answers 413 to more and starts nothing, whatever the filters would keep', async () => {
		const run = await post({ ...textMessage, ...turns(MAX_EVENTS_PER_DELIVERY) }, { events: ['messageReceived'] });

		expect(run.status).toBe(413);
		expect(run.body).toEqual({ message: `Too many events in one delivery: ${MAX_EVENTS_PER_DELIVERY + 1}, at most ${MAX_EVENTS_PER_DELIVERY}. No workflow was started.` });
		expect(run.items).toEqual([]);
	});

	it('checks the secret before counting: a stranger gets 401', async () => {
		const run = await post(turns(MAX_EVENTS_PER_DELIVERY + 1), { authentication: 'webhookSecret' });

		expect(run.status).toBe(401);
	});
});
