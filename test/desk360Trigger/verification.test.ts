import crypto from 'crypto';

import { post, STARTED, textMessage } from './fixtures';

const SECRET = 'c0rrect-h0rse-battery-staple-5ecret';

const UNAUTHORIZED = {
	message: 'Unauthorized: the webhook secret is missing or wrong. No workflow was started.',
};

const byQuery = { verification: 'queryParameter', secret: SECRET };
const byHeader = { verification: 'header', secret: SECRET };

function expectRefused(run: Awaited<ReturnType<typeof post>>) {
	expect(run.status).toBe(401);
	expect(run.body).toEqual(UNAUTHORIZED);
	expect(run.result).toEqual({ noWebhookResponse: true });
	expect(run.items).toEqual([]);
}

describe('Desk360 Trigger › verification', () => {
	afterEach(() => jest.restoreAllMocks());

	describe('secret as query parameter', () => {
		it('starts the workflow with the right secret', async () => {
			const run = await post(textMessage, byQuery, { query: `secret=${encodeURIComponent(SECRET)}` });

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
			expectRefused(await post(textMessage, byQuery, { query }));
		});

		it('does not take the secret from a header instead', async () => {
			expectRefused(await post(textMessage, byQuery, { headers: { secret: SECRET } }));
		});

		it('reads the parameter name set in the node', async () => {
			const parameters = { ...byQuery, queryParameterName: 'key' };

			expect((await post(textMessage, parameters, { query: `key=${SECRET}` })).status).toBe(200);
			expectRefused(await post(textMessage, parameters, { query: `secret=${SECRET}` }));
		});
	});

	describe('secret as header', () => {
		it('starts the workflow with the right secret, whatever the header name case', async () => {
			const run = await post(textMessage, byHeader, { headers: { 'x-WEBHOOK-secret': SECRET } });

			expect(run.status).toBe(200);
			expect(run.items).toHaveLength(1);
		});

		it.each([
			['a wrong secret', { 'X-Webhook-Secret': 'wrong' }],
			['no secret', {}],
			['the secret in another header', { Authorization: SECRET }],
		])('answers 401 and starts nothing for %s', async (_case, headers) => {
			expectRefused(await post(textMessage, byHeader, { headers }));
		});

		it('does not take the secret from the query instead', async () => {
			expectRefused(await post(textMessage, byHeader, { query: `secret=${SECRET}` }));
		});

		it('reads the header name set in the node', async () => {
			const parameters = { ...byHeader, headerName: 'X-Desk360-Token' };

			expect((await post(textMessage, parameters, { headers: { 'X-Desk360-Token': SECRET } })).status).toBe(200);
			expectRefused(await post(textMessage, parameters, { headers: { 'X-Webhook-Secret': SECRET } }));
		});
	});

	it('lets no one in while the secret in the node is empty', async () => {
		expectRefused(await post(textMessage, { verification: 'queryParameter', secret: '' }, { query: 'secret=' }));
		expectRefused(await post(textMessage, { verification: 'header', secret: '' }, { headers: { 'X-Webhook-Secret': '' } }));
	});

	it('asks for a secret in the URL by default', async () => {
		expectRefused(await post(textMessage, { verification: undefined, secret: SECRET }));
		expect((await post(textMessage, { verification: undefined, secret: SECRET }, { query: `secret=${SECRET}` })).status).toBe(200);
	});

	it('starts without a secret when Verification is None', async () => {
		expect((await post(textMessage, { verification: 'none' })).status).toBe(200);
	});

	it('checks the secret before the body: a stranger learns nothing about what is accepted', async () => {
		expectRefused(await post('not json', byQuery, { contentType: 'text/plain' }));
	});

	it('compares SHA-256 hashes of the secrets in constant time', async () => {
		const compare = jest.spyOn(crypto, 'timingSafeEqual');

		await post(textMessage, byQuery, { query: 'secret=short' });

		expect(compare).toHaveBeenCalledTimes(1);
		const [given, expected] = compare.mock.calls[0] as [Buffer, Buffer];
		expect(given).toEqual(crypto.createHash('sha256').update(SECRET).digest());
		expect(expected).toEqual(crypto.createHash('sha256').update('short').digest());
	});

	it('puts the secret in no item, not even with the raw payload', async () => {
		const run = await post(textMessage, { ...byQuery, options: { includeRawPayload: true } }, { query: `secret=${SECRET}` });

		expect(run.items).toHaveLength(1);
		expect(JSON.stringify(run.items)).not.toContain(SECRET);
	});
});
