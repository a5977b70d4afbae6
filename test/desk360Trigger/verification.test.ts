import crypto from 'crypto';

import { post, STARTED, textMessage } from './fixtures';
import type { WebhookRequest, WebhookSetup } from '../helpers/webhook';

const SECRET = 'c0rrect-h0rse-battery-staple-5ecret';

const UNAUTHORIZED = {
	message: 'Unauthorized: the webhook secret is missing or wrong. No workflow was started.',
};

/** Where the node keeps the secret, and how: one trigger set up to verify requests. */
interface Verifier {
	parameters: Record<string, unknown>;
	setup: Partial<WebhookSetup>;
}

interface SecretPlace {
	query(secret: string, name?: string): Verifier;
	header(secret: string, name?: string): Verifier;
	none(): Verifier;
	/** Verification left at the node's default, with the secret in it. */
	byDefault(secret: string): Verifier;
}

/** Version 2: the Desk360 WhatsApp Webhook credential. */
const inCredential: SecretPlace = {
	query: (secret, name = 'secret') => ({
		parameters: { authentication: 'webhookSecret' },
		setup: { credentials: { desk360WhatsAppWebhookApi: { sentIn: 'queryParameter', parameterName: name, headerName: 'X-Webhook-Secret', secret } } },
	}),
	header: (secret, name = 'X-Webhook-Secret') => ({
		parameters: { authentication: 'webhookSecret' },
		setup: { credentials: { desk360WhatsAppWebhookApi: { sentIn: 'header', parameterName: 'secret', headerName: name, secret } } },
	}),
	none: () => ({ parameters: { authentication: 'none' }, setup: {} }),
	byDefault: (secret) => ({
		parameters: { authentication: undefined },
		setup: { credentials: { desk360WhatsAppWebhookApi: { sentIn: 'queryParameter', parameterName: 'secret', headerName: 'X-Webhook-Secret', secret } } },
	}),
};

/** Version 1 (saved workflows): node parameters. */
const inParameters: SecretPlace = {
	query: (secret, name = 'secret') => ({ parameters: { verification: 'queryParameter', queryParameterName: name, secret }, setup: { typeVersion: 1 } }),
	header: (secret, name = 'X-Webhook-Secret') => ({ parameters: { verification: 'header', headerName: name, secret }, setup: { typeVersion: 1 } }),
	none: () => ({ parameters: { verification: 'none' }, setup: { typeVersion: 1 } }),
	byDefault: (secret) => ({ parameters: { verification: undefined, secret }, setup: { typeVersion: 1 } }),
};

async function send(verifier: Verifier, call: WebhookRequest & { body?: unknown } = {}, parameters: Record<string, unknown> = {}) {
	const { body = textMessage, ...request } = call;
	return await post(body, { ...verifier.parameters, ...parameters }, request, verifier.setup);
}

function expectRefused(run: Awaited<ReturnType<typeof post>>) {
	expect(run.status).toBe(401);
	expect(run.body).toEqual(UNAUTHORIZED);
	expect(run.result).toEqual({ noWebhookResponse: true });
	expect(run.items).toEqual([]);
}

describe.each([
	['version 2, secret in the Desk360 WhatsApp Webhook credential', inCredential],
	['version 1, secret in node parameters (saved workflows)', inParameters],
])('Desk360 WhatsApp Trigger › verification › %s', (_version, place) => {
	afterEach(() => jest.restoreAllMocks());

	describe('secret as query parameter', () => {
		it('starts the workflow with the right secret', async () => {
			const run = await send(place.query(SECRET), { query: `secret=${encodeURIComponent(SECRET)}` });

			expect(run.status).toBe(200);
			expect(run.body).toEqual(STARTED);
			expect(run.items).toHaveLength(1);
		});

		it.each([
			['a wrong secret', 'secret=wrong'],
			['the secret with one character less', `secret=${SECRET.slice(0, -1)}`],
			['no secret', ''],
			['an empty secret', 'secret='],
			['the secret under another name', `token=${SECRET}`],
			['the secret twice', `secret=${SECRET}&secret=${SECRET}`],
		])('answers 401 and starts nothing for %s', async (_case, query) => {
			expectRefused(await send(place.query(SECRET), { query }));
		});

		it('does not take the secret from a header instead', async () => {
			expectRefused(await send(place.query(SECRET), { headers: { secret: SECRET } }));
		});

		it('reads the parameter name that is set', async () => {
			expect((await send(place.query(SECRET, 'key'), { query: `key=${SECRET}` })).status).toBe(200);
			expectRefused(await send(place.query(SECRET, 'key'), { query: `secret=${SECRET}` }));
		});
	});

	describe('secret as header', () => {
		it('starts the workflow with the right secret, whatever the header name case', async () => {
			const run = await send(place.header(SECRET), { headers: { 'x-WEBHOOK-secret': SECRET } });

			expect(run.status).toBe(200);
			expect(run.items).toHaveLength(1);
		});

		it.each([
			['a wrong secret', { 'X-Webhook-Secret': 'wrong' }],
			['no secret', {}],
			['the secret in another header', { Authorization: SECRET }],
		])('answers 401 and starts nothing for %s', async (_case, headers) => {
			expectRefused(await send(place.header(SECRET), { headers }));
		});

		it('does not take the secret from the query instead', async () => {
			expectRefused(await send(place.header(SECRET), { query: `secret=${SECRET}` }));
		});

		it('reads the header name that is set', async () => {
			expect((await send(place.header(SECRET, 'X-Desk360-Token'), { headers: { 'X-Desk360-Token': SECRET } })).status).toBe(200);
			expectRefused(await send(place.header(SECRET, 'X-Desk360-Token'), { headers: { 'X-Webhook-Secret': SECRET } }));
		});
	});

	it('lets no one in while the secret is empty', async () => {
		expectRefused(await send(place.query(''), { query: 'secret=' }));
		expectRefused(await send(place.header(''), { headers: { 'X-Webhook-Secret': '' } }));
	});

	it('asks for a secret in the URL by default', async () => {
		expectRefused(await send(place.byDefault(SECRET)));
		expect((await send(place.byDefault(SECRET), { query: `secret=${SECRET}` })).status).toBe(200);
	});

	it('starts without a secret when verification is off', async () => {
		expect((await send(place.none())).status).toBe(200);
	});

	it('checks the secret before the body: a stranger learns nothing about what is accepted', async () => {
		expectRefused(await send(place.query(SECRET), { body: 'not json', contentType: 'text/plain' }));
	});

	it('compares SHA-256 hashes of the secrets in constant time', async () => {
		const compare = jest.spyOn(crypto, 'timingSafeEqual');

		await send(place.query(SECRET), { query: 'secret=short' });

		expect(compare).toHaveBeenCalledTimes(1);
		const [expected, given] = compare.mock.calls[0] as [Buffer, Buffer];
		expect(expected).toEqual(crypto.createHash('sha256').update(SECRET).digest());
		expect(given).toEqual(crypto.createHash('sha256').update('short').digest());
	});

	it('puts the secret in no item, not even with the raw payload', async () => {
		const run = await send(place.query(SECRET), { query: `secret=${SECRET}` }, { options: { includeRawPayload: true } });

		expect(run.items).toHaveLength(1);
		expect(JSON.stringify(run.items)).not.toContain(SECRET);
	});
});

describe('Desk360 WhatsApp Trigger › verification › version 2', () => {
	it('lets no one in while the credential is not set', async () => {
		expectRefused(await post(textMessage, { authentication: 'webhookSecret' }, { query: 'secret=' }));
	});

	it('never reads a secret left in node parameters', async () => {
		expectRefused(await post(textMessage, { authentication: 'webhookSecret', verification: 'queryParameter', secret: SECRET }, { query: `secret=${SECRET}` }));
	});
});
