import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { desk360WhatsAppWebhookTest } from '../../nodes/Desk360Trigger/credentialTest';
import { product, tokenCredentials } from '../desk360/fixtures';
import { failureOf } from '../helpers/expectations';
import { captureLifecycleLog, runWebhookMethod, WEBHOOK_ID, type WebhookSetup } from '../helpers/webhook';
import { desk360Trigger, parametersWith } from './fixtures';

const PRODUCTION_URL = `http://localhost:5678/webhook/${WEBHOOK_ID}/webhook`;
const secretCredential = { desk360WhatsAppWebhookApi: { sentIn: 'queryParameter', parameterName: 'secret', headerName: 'X-Webhook-Secret', secret: 'a-long-random-webhook-secret' } };

function setupWith(parameters: Record<string, unknown>, setup: Partial<WebhookSetup> = {}): WebhookSetup {
	return { parameters: parametersWith({ authentication: 'webhookSecret', ...parameters }), credentials: secretCredential, typeVersion: 2, ...setup };
}

let log: ReturnType<typeof captureLifecycleLog>;
beforeEach(() => (log = captureLifecycleLog()));
afterEach(() => log.restore());

/** What n8n does when the workflow is published: checkExists, then create when it said no. */
async function publish(setup: WebhookSetup) {
	const exists = await runWebhookMethod(desk360Trigger, setup, 'checkExists');
	if (!exists) await runWebhookMethod(desk360Trigger, setup, 'create');
	return exists;
}

describe('Desk360 WhatsApp Trigger › webhook lifecycle (a URL pasted by hand)', () => {
	it('records the URL to paste on the first publishing, finds it on the next, forgets it when unpublished', async () => {
		const staticData: IDataObject = {};
		const setup = setupWith({}, { staticData });

		expect(await publish(setup)).toBe(false);
		expect(staticData).toEqual({ 'node:Desk360 WhatsApp Trigger': { pastedWebhookUrl: PRODUCTION_URL } });
		expect(await publish(setup)).toBe(true);
		// Said once, when the URL was new.
		expect(log.messages).toEqual([
			`Desk360 WhatsApp Trigger: Desk360 (WhatsApp Accounts → Public API → webhook URL) must call ${PRODUCTION_URL} (it cannot be registered through an API)`,
		]);

		expect(await runWebhookMethod(desk360Trigger, setup, 'delete')).toBe(true);
		expect(staticData).toEqual({ 'node:Desk360 WhatsApp Trigger': {} });
		expect(await runWebhookMethod(desk360Trigger, setup, 'checkExists')).toBe(false);
	});

	it('records the test URL while listening for a test event', async () => {
		const staticData: IDataObject = {};

		await publish(setupWith({}, { staticData, mode: 'manual' }));

		expect(staticData).toEqual({ 'node:Desk360 WhatsApp Trigger': { pastedWebhookUrl: `http://localhost:5678/webhook-test/${WEBHOOK_ID}/webhook` } });
	});

	it('writes no secret into the workflow’s data', async () => {
		const staticData: IDataObject = {};
		const setup = setupWith({}, { staticData });

		await publish(setup);

		expect(JSON.stringify({ staticData, parameters: setup.parameters })).not.toContain('a-long-random-webhook-secret');
	});

	describe('fails the publishing, with what to fix, when the setup cannot work', () => {
		it.each([
			['no Desk360 WhatsApp Webhook credential', setupWith({}, { credentials: {} }), 'The Desk360 WhatsApp Webhook credential is not set'],
			['an empty secret', setupWith({}, { credentials: { desk360WhatsAppWebhookApi: { ...secretCredential.desk360WhatsAppWebhookApi, secret: '' } } }), 'The webhook secret or its parameter name is empty'],
			['an empty header name (version 1)', setupWith({ verification: 'header', headerName: ' ', secret: 'x' }, { typeVersion: 1 }), 'The webhook secret or its header name is empty'],
			['API actions without the Desk360 API credential', setupWith({ apiActions: ['markAsRead'], product: product(12) }), 'The Desk360 API credential is not set'],
			['API actions without a product', setupWith({ apiActions: ['downloadMedia'] }, { credentials: { ...secretCredential, ...tokenCredentials } }), 'Product is not set to a Desk360 product ID'],
		])('%s', async (_case, setup, message) => {
			const error = await failureOf(runWebhookMethod(desk360Trigger, setup, 'checkExists'));

			expect(error.message).toBe(message);
			expect(error.description).not.toContain('a-long-random-webhook-secret');
		});

		it('accepts API actions with the Desk360 API credential and a product, and no verification', async () => {
			const setup = setupWith({ authentication: 'none', apiActions: ['downloadMedia'], product: product(12) }, { credentials: tokenCredentials });

			expect(await runWebhookMethod(desk360Trigger, setup, 'checkExists')).toBe(false);
		});
	});
});

describe('Desk360 WhatsApp Webhook credential › test', () => {
	// As n8n tests a credential whose node names a testedBy method: in a CredentialTestContext.
	const test = async (data: ICredentialDataDecryptedObject) =>
		await desk360WhatsAppWebhookTest.call(new CredentialTestContext(), { id: '1', name: 'secret', type: 'desk360WhatsAppWebhookApi', data });

	it('accepts a long secret with a usable name', async () => {
		expect(await test(secretCredential.desk360WhatsAppWebhookApi)).toEqual({ status: 'OK', message: expect.stringContaining('Set the same secret in Desk360') });
		expect((await test({ sentIn: 'header', headerName: 'X-Desk360-Token', secret: 'twelve-chars' })).status).toBe('OK');
	});

	it.each([
		[{ sentIn: 'queryParameter', parameterName: 'secret', secret: 'short' }, 'The secret must be at least 12 characters long'],
		[{ sentIn: 'queryParameter', parameterName: 'secret', secret: 'long enough but has spaces' }, 'A secret in the URL must not contain &, #, % or spaces (they would change the pasted URL)'],
		[{ sentIn: 'queryParameter', parameterName: 'a&b', secret: 'a-long-random-webhook-secret' }, 'The parameter name must be letters, digits and _ . ~ - only'],
		[{ sentIn: 'header', headerName: 'X Token', secret: 'a-long-random-webhook-secret' }, "The header name must be letters, digits and !#$%&'*+.^_`|~- only"],
	])('refuses %j', async (data, message) => {
		expect(await test(data)).toEqual({ status: 'Error', message });
	});
});
