import nock from 'nock';
import {
	NodeHelpers,
	type IBinaryData,
	type ICredentialDataDecryptedObject,
	type INodeParameters,
} from 'n8n-workflow';

import {
	chatbotHistory,
	desk360Trigger,
	imageMessage,
	MEDIA_ID,
	parametersWith,
	post,
	STARTED,
	statusUpdate,
	textMessage,
} from './fixtures';
import { API_TOKEN, BASE_URL, desk360Api, loginCredentials, product, tokenCredentials } from '../desk360/fixtures';
import { recordRequests } from '../helpers/expectations';
import { useVirtualClock } from '../helpers/clock';
import { startWebhook } from '../helpers/webhook';

const MEDIA_PATH = `/v1/products/12/conversations/messages/media/${MEDIA_ID}`;
const READ_PATH = '/v1/products/12/conversations/messages/read';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

function withActions(apiActions: string[], more: Record<string, unknown> = {}) {
	return { apiActions, product: product(12), ...more };
}

async function postWithCredential(
	body: unknown,
	parameters: Record<string, unknown>,
	credentials: Record<string, ICredentialDataDecryptedObject> = tokenCredentials,
) {
	return await post(body, parameters, {}, { credentials });
}

function bytesOf(binary: IBinaryData | undefined): Buffer {
	return Buffer.from(binary!.data, 'base64');
}

describe('Desk360 WhatsApp Trigger › API actions', () => {
	describe('Download Media', () => {
		it('attaches the file of a media message as binary data, fetched with the credential', async () => {
			const requests = recordRequests(
				desk360Api()
					.get(MEDIA_PATH)
					.reply(200, JPEG, { 'Content-Type': 'image/jpeg', 'Content-Disposition': 'attachment; filename="photo.jpg"' }),
			);

			const run = await postWithCredential(imageMessage, withActions(['downloadMedia']));

			expect(run.status).toBe(200);
			expect(run.body).toEqual(STARTED);
			expect(requests).toHaveLength(1);
			expect(requests[0].headers.authorization).toBe(`Bearer ${API_TOKEN}`);
			const [item] = run.items;
			expect(item.json).toMatchObject({ event: 'messageReceived', id: imageMessage.messages.id, messageType: 'media' });
			expect(item.json.mediaError).toBeUndefined();
			expect(bytesOf(item.binary?.data).equals(JPEG)).toBe(true);
			expect(item.binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'photo.jpg', fileExtension: 'jpg' });
		});

		it("names the file after Desk360's attachment and types it as the webhook says when the download does not", async () => {
			desk360Api().get(MEDIA_PATH).reply(200, JPEG, { 'Content-Type': 'application/octet-stream' });

			const run = await postWithCredential(imageMessage, withActions(['downloadMedia']));

			expect(run.items[0].binary?.data).toMatchObject({
				mimeType: 'image/jpeg',
				fileName: '9oCtWHWxkv4E0PQhtHA4uW4NRinIROKCO8NEae5p.jpeg',
			});
			expect(bytesOf(run.items[0].binary?.data).equals(JPEG)).toBe(true);
		});

		it('puts the file in the binary field set in the options', async () => {
			desk360Api().get(MEDIA_PATH).reply(200, JPEG, { 'Content-Type': 'image/jpeg' });

			const run = await postWithCredential(
				imageMessage,
				withActions(['downloadMedia'], { options: { binaryPropertyName: 'photo' } }),
			);

			expect(Object.keys(run.items[0].binary ?? {})).toEqual(['photo']);
			expect(bytesOf(run.items[0].binary?.photo).equals(JPEG)).toBe(true);
		});

		it('answers Desk360 before the download has finished', async () => {
			const order: string[] = [];
			// eslint-disable-next-line prefer-const
			let call: ReturnType<typeof startWebhook>;
			desk360Api()
				.get(MEDIA_PATH)
				.reply((_uri, _body, respond) => {
					order.push('download asked');
					// The file arrives only once Desk360 has its answer.
					void call.answer.then(() => {
						order.push('file sent');
						respond(null, [200, JPEG, { 'Content-Type': 'image/jpeg' }]);
					});
				});

			call = startWebhook(desk360Trigger, {
				parameters: parametersWith(withActions(['downloadMedia'])),
				credentials: tokenCredentials,
				typeVersion: 2,
			}, { body: imageMessage });
			const answer = await call.answer;
			order.push(`answered ${answer.status}`);
			const outcome = await call.outcome;

			expect(order).toEqual(['download asked', 'answered 200', 'file sent']);
			expect(answer.body).toEqual(STARTED);
			expect(bytesOf(outcome.items[0].binary?.data).equals(JPEG)).toBe(true);
		});

		it("keeps the event with Desk360's error when the download fails", async () => {
			desk360Api()
				.get(MEDIA_PATH)
				.reply(404, { error: { code: 'model_not_found_exception', message: 'Media not found.' } });

			const run = await postWithCredential(imageMessage, withActions(['downloadMedia']));

			expect(run.status).toBe(200);
			expect(run.items).toHaveLength(1);
			expect(run.items[0].binary).toBeUndefined();
			expect(run.items[0].json.mediaError).toEqual({
				message: 'Media not found.',
				description: expect.stringContaining('(Desk360 error code: model_not_found_exception)'),
			});
			expect(JSON.stringify(run.items)).not.toContain(API_TOKEN);
		});

		it('logs in first with an email-and-password credential', async () => {
			nock(BASE_URL)
				.post('/v1/login', { email: 'agent@example.com', password: 'correct horse' })
				.reply(200, { access_token: 'session-1', token_type: 'bearer' });
			desk360Api('session-1').get(MEDIA_PATH).reply(200, JPEG, { 'Content-Type': 'image/jpeg' });

			const run = await postWithCredential(imageMessage, withActions(['downloadMedia']), loginCredentials);

			expect(bytesOf(run.items[0].binary?.data).equals(JPEG)).toBe(true);
		});

		it('sends no request for messages without media', async () => {
			const run = await postWithCredential({ ...textMessage, ...chatbotHistory }, withActions(['downloadMedia']));

			expect(run.status).toBe(200);
			expect(run.items).toHaveLength(5);
			for (const item of run.items) {
				expect(item.binary).toBeUndefined();
				expect(item.json.mediaError).toBeUndefined();
			}
		});
	});

	describe('Mark as Read', () => {
		it('marks the received message read with exactly the documented request', async () => {
			const requests = recordRequests(desk360Api().post(READ_PATH).reply(200, { success: true }));

			const run = await postWithCredential(textMessage, withActions(['markAsRead']));

			expect(run.status).toBe(200);
			expect(requests).toEqual([
				expect.objectContaining({
					method: 'POST',
					path: READ_PATH,
					body: { message_ids: [textMessage.messages.id] },
				}),
			]);
			expect(requests[0].headers).toMatchObject({
				authorization: `Bearer ${API_TOKEN}`,
				'content-type': expect.stringContaining('application/json'),
			});
			expect(run.items.map((item) => item.json.markedAsRead)).toEqual([true]);
		});

		it('marks every message of one body read in one request, and no status or chatbot turn', async () => {
			const second = { ...textMessage.messages, id: 'second-message' };
			const requests = recordRequests(desk360Api().post(READ_PATH).reply(200, { success: true }));

			const run = await postWithCredential(
				{ messages: [textMessage.messages, second], ...statusUpdate('read'), ...chatbotHistory },
				withActions(['markAsRead']),
			);

			expect(requests.map((request) => request.body)).toEqual([
				{ message_ids: [textMessage.messages.id, 'second-message'] },
			]);
			expect(run.items.map((item) => item.json.markedAsRead)).toEqual([true, true, ...Array(5).fill(undefined)]);
		});

		it("keeps the event with Desk360's error when marking fails", async () => {
			desk360Api()
				.post(READ_PATH)
				.reply(422, { error: { code: 'failed_validation', message: 'The message ids field is invalid.' } });

			const run = await postWithCredential(textMessage, withActions(['markAsRead']));

			expect(run.status).toBe(200);
			expect(run.items[0].json).toMatchObject({
				id: textMessage.messages.id,
				markedAsRead: false,
				markAsReadError: { message: 'The message ids field is invalid.' },
			});
		});

		it('waits out a 429 after Desk360 has its answer, then marks the message read', async () => {
			const clock = useVirtualClock();
			try {
				desk360Api().post(READ_PATH).reply(429, { error: { code: 'too_many_requests_exception' } }, { 'Retry-After': '30' });
				desk360Api().post(READ_PATH).reply(200, { success: true });

				const run = await postWithCredential(textMessage, withActions(['markAsRead']));

				expect(run.status).toBe(200);
				expect(clock.state.sleeps).toContain(30_000);
				expect(run.items[0].json.markedAsRead).toBe(true);
			} finally {
				clock.restore();
			}
		});
	});

	it('downloads the media and marks the message read when both are chosen', async () => {
		desk360Api().get(MEDIA_PATH).reply(200, JPEG, { 'Content-Type': 'image/jpeg' });
		desk360Api().post(READ_PATH, { message_ids: [imageMessage.messages.id] }).reply(200, { success: true });

		const run = await postWithCredential(imageMessage, withActions(['downloadMedia', 'markAsRead']));

		expect(run.items[0].json.markedAsRead).toBe(true);
		expect(bytesOf(run.items[0].binary?.data).equals(JPEG)).toBe(true);
	});

	it('sends nothing and says why when no product is set', async () => {
		const run = await postWithCredential(imageMessage, withActions(['downloadMedia', 'markAsRead'], { product: { __rl: true, mode: 'list', value: '' } }));

		expect(run.status).toBe(200);
		const error = { message: 'Product is not set to a Desk360 product ID', description: expect.stringContaining('need the product') };
		expect(run.items[0].json).toMatchObject({ mediaError: error, markedAsRead: false, markAsReadError: error });
	});

	it('needs no credential while no API action is chosen', async () => {
		const run = await post(imageMessage, { apiActions: [] });

		expect(run.status).toBe(200);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
	});

	it('says which credential is missing when API actions are chosen without the Desk360 API credential', async () => {
		const run = await post(imageMessage, withActions(['downloadMedia', 'markAsRead']));

		expect(run.status).toBe(200);
		expect(run.items[0].json).toMatchObject({
			mediaError: { message: expect.stringContaining('desk360Api') },
			markedAsRead: false,
			markAsReadError: { message: expect.stringContaining('desk360Api') },
		});
	});

	it('shows API Actions, and the Desk360 API credential and the product only once an action is chosen (n8n’s display rules)', () => {
		const { description } = desk360Trigger.nodeType;
		const shown = (values: INodeParameters) => {
			const parameters = NodeHelpers.getNodeParameters(description.properties, values, true, false, { typeVersion: 2 } as never, description) as INodeParameters;
			const credentials = description.credentials!.filter((credential) =>
				NodeHelpers.displayParameter(parameters, credential, { typeVersion: 2 } as never, description),
			);
			return { credentials: credentials.map((credential) => credential.name), apiActions: 'apiActions' in parameters, product: 'product' in parameters };
		};

		// The editor pre-fills a new node's credentials from those shown: without an action, only the webhook secret.
		expect(shown({})).toEqual({ credentials: ['desk360WhatsAppWebhookApi'], apiActions: true, product: false });
		expect(shown({ apiActions: ['markAsRead'] })).toEqual({ credentials: ['desk360WhatsAppWebhookApi', 'desk360Api'], apiActions: true, product: true });
		expect(shown({ apiActions: ['downloadMedia'], authentication: 'none' })).toEqual({ credentials: ['desk360Api'], apiActions: true, product: true });
		// The editor looks up the fields credentials' conditions name by their names, and may take one for its
		// auth selector and hide it: only Authentication is named so (API Actions by its path, '/apiActions').
		const conditions = description.credentials!.flatMap((credential) => Object.keys(credential.displayOptions?.show ?? {}));
		expect(conditions.filter((name) => description.properties.some((property) => property.name === name))).toEqual(['authentication']);
	});
});
