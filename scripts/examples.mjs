// Ready-made credentials (pointing at the local sandbox) and example workflows
// that `npm start` imports into n8n, so a newcomer can run the nodes at once.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SANDBOX_CREDENTIALS } from '../sandbox/server.mjs';

const DESK360 = { id: 'sandboxDesk360Tk', name: 'Desk360 sandbox (API token)' };
const DESK360_LOGIN = { id: 'sandboxDesk360Lg', name: 'Desk360 sandbox (email and password)' };
const SENDBIRD = { id: 'sandboxSendbird1', name: 'Sendbird Desk sandbox' };
const WHATSAPP_WEBHOOK = { id: 'sandboxWaWebhook', name: 'Desk360 WhatsApp webhook (sandbox secret)' };
const MODEL = { id: 'sandboxOpenAiMdl', name: 'Sandbox model (OpenAI-compatible)' };

/** The secret of the example WhatsApp trigger: Desk360 would send it as ?secret=… in the pasted URL. */
export const WHATSAPP_WEBHOOK_SECRET = 'sandbox-secret';

export function sandboxCredentials(sandboxUrl) {
	const { desk360, sendbird, openai } = SANDBOX_CREDENTIALS;
	return [
		{ ...DESK360, type: 'desk360Api', data: { authMode: 'apiToken', apiToken: desk360.apiToken, baseUrl: sandboxUrl, sessionToken: '' } },
		{ ...DESK360_LOGIN, type: 'desk360Api', data: { authMode: 'login', email: desk360.email, password: desk360.password, baseUrl: sandboxUrl, sessionToken: '' } },
		{ ...SENDBIRD, type: 'sendbirdDeskApi', data: { applicationId: sendbird.applicationId, apiToken: sendbird.apiToken, baseUrl: `${sandboxUrl}${sendbird.basePath}` } },
		{
			...WHATSAPP_WEBHOOK,
			type: 'desk360WhatsAppWebhookApi',
			data: { sentIn: 'queryParameter', parameterName: 'secret', headerName: 'X-Webhook-Secret', secret: WHATSAPP_WEBHOOK_SECRET },
		},
		// For n8n's OpenAI Chat Model: an AI Agent with the helpdesk tools runs against the sandbox's scripted model.
		{ ...MODEL, type: 'openAiApi', data: { apiKey: openai.apiKey, url: `${sandboxUrl}${openai.basePath}`, header: false } },
	];
}

/** The example workflows users can import too (examples/*.json); they use the sandbox's seeded data (seed 42). */
const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** Example workflows over the sandbox's seeded data: the files in examples/ (actions and triggers). */
export function exampleWorkflows() {
	return readdirSync(EXAMPLES)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => ({ active: false, ...JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) }));
}
