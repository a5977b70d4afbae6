import { createHmac } from 'crypto';

import { SendbirdDeskApi } from '../../credentials/SendbirdDeskApi.credentials';
import { SendbirdDeskTrigger } from '../../nodes/SendbirdDeskTrigger/SendbirdDeskTrigger.node';
import type { NodeHarness } from '../helpers/n8n';
import { callWebhook, type WebhookRequest, type WebhookSetup } from '../helpers/webhook';
// Resets nock, rate gates and sessions per test, and fails tests that leave requests unsent.
import { API_TOKEN, credentials } from '../sendbird/fixtures';

export { API_TOKEN, credentials };

export const sendbirdTrigger: NodeHarness = {
	nodeType: new SendbirdDeskTrigger(),
	credentialTypes: { sendbirdDeskApi: new SendbirdDeskApi() },
};

/** What Sendbird sends in x-hub-signature for these bytes: sha1= and the HMAC-SHA1 hex, keyed with the API token. */
export function signed(body: string | Buffer, token = API_TOKEN): string {
	return `sha1=${createHmac('sha1', token).update(body).digest('hex')}`;
}

let deliveries = 0;

/**
 * A delivery in the shape the sandbox sends (Sendbird documents none that could
 * be read); each call another one (its own occurredAt), as the trigger remembers
 * the bytes of the deliveries it saw.
 */
export function delivery(event = 'ticket.created', extra: Record<string, unknown> = {}): string {
	const occurredAt = 1_763_726_400_123 + deliveries++;
	return JSON.stringify({ event, occurredAt, ticket: { id: 12501, status2: 'PENDING', createdAt: '2025-11-21T12:00:00.123Z' }, ...extra });
}

export const STARTED = { message: 'Workflow was started' };

/** One delivery of `body` (sent as these bytes), signed correctly unless `headers` say otherwise. */
export async function deliver(
	body: string,
	{ parameters = {}, headers, ...call }: WebhookRequest & { parameters?: Record<string, unknown> } = {},
	setup: Partial<WebhookSetup> = {},
) {
	return await callWebhook(
		sendbirdTrigger,
		{ parameters: { events: '', ...parameters }, credentials, ...setup },
		{ body, headers: headers ?? { 'x-hub-signature': signed(body) }, ...call },
	);
}
