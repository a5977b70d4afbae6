import { deepCopy } from 'n8n-workflow';

import { MAX_EVENTS_PER_DELIVERY } from '../../nodes/Desk360Trigger/Desk360Trigger.node';
import { MAX_BODY_DEPTH } from '../../nodes/shared/webhookBody';
import { desk360Api, product, tokenCredentials } from '../desk360/fixtures';
import { recordRequests } from '../helpers/expectations';
import { followNext, insideLists, insideObjects } from '../helpers/nesting';
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

describe('Desk360 WhatsApp Trigger › deeply nested bodies', () => {
	const TOO_DEEP = {
		message: `Not a Desk360 WhatsApp webhook: the body nests lists or objects more than ${MAX_BODY_DEPTH} levels deep. No workflow was started.`,
	};
	/** A text message whose field "deep" holds `value` (at depth 3: body, message, value). */
	const messageHolding = (value: string) => `{"messages": {"id": "m1", "type": "text", "text": "Hi", "deep": ${value}}}`;
	// Version 1 without verification; version 2 without authentication (the fixtures' default).
	const versions = [
		['version 1', { verification: 'none' }, 1],
		['version 2', {}, 2],
	] as const;

	describe.each(versions)('%s', (_version, parameters, typeVersion) => {
		it.each([
			['2,000 lists', messageHolding(insideLists(2000))],
			['2,000 objects', messageHolding(insideObjects(2000))],
			['100,000 lists', messageHolding(insideLists(100_000))],
			['2,000 objects with a __proto__ key at every level', messageHolding('{"__proto__": {"polluted": true}, "next":'.repeat(2000) + '{}' + '}'.repeat(2000))],
			['2,000 objects under a __proto__ key', `{"__proto__": ${insideObjects(2000)}, "messages": {"id": "m1", "type": "text"}}`],
		])('answers 400 naming the depth to %s, whatever the content type', async (_case, body) => {
			for (const contentType of ['application/json', 'text/plain', null]) {
				const run = await post(body, parameters, { contentType }, { typeVersion });

				expect({ contentType, status: run.status, body: run.body, error: run.error }).toEqual({ contentType, status: 400, body: TOO_DEEP, error: undefined });
				expect(run.items).toEqual([]);
			}
		});

		it('answers 400 to 2,000 bare lists: not an object, before any depth is measured', async () => {
			const run = await post(insideLists(2000), parameters, {}, { typeVersion });

			expect(run.status).toBe(400);
			expect(run.body).toEqual({ message: 'Not a Desk360 WhatsApp webhook: the body is a list, not a JSON object. No workflow was started.' });
		});

		it(`starts the workflow for a body ${MAX_BODY_DEPTH} levels deep, dropping a __proto__ key at the bottom`, async () => {
			// Body, message, the wrappers, then the innermost object and its __proto__ value at depth MAX_BODY_DEPTH.
			const wrappers = MAX_BODY_DEPTH - 4;
			const body = messageHolding(insideObjects(wrappers, '{"__proto__": {"polluted": true}, "kept": "yes"}'));

			const run = await post(body, parameters, {}, { typeVersion });

			expect(run.status).toBe(200);
			for (const json of [run.items[0].json, deepCopy(run.items[0].json)]) {
				const innermost = followNext(json.deep, wrappers);
				expect(innermost).toEqual({ kept: 'yes' });
				expect(Object.getPrototypeOf(innermost)).toBe(Object.prototype);
				expect(innermost.polluted).toBeUndefined();
			}
		});

		it(`answers 400 to one level more than ${MAX_BODY_DEPTH}`, async () => {
			const body = messageHolding(insideObjects(MAX_BODY_DEPTH - 3, '{"__proto__": {"polluted": true}, "kept": "yes"}'));

			const run = await post(body, parameters, {}, { typeVersion });

			expect(run.status).toBe(400);
			expect(run.body).toEqual(TOO_DEEP);
		});
	});

	it('checks the secret first: a stranger’s deep body gets 401', async () => {
		const run = await post(messageHolding(insideLists(100_000)), { authentication: 'webhookSecret' });

		expect(run.status).toBe(401);
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
