import { createHmac } from 'crypto';
import type { IWebhookFunctions } from 'n8n-workflow';

import { secretMatches } from '../shared/webhookSecret';

/** The signature Sendbird sends for `body`: `sha1=` and the HMAC-SHA1 of the raw body keyed with the API token. */
export function signatureOf(body: Buffer, apiToken: string): string {
	return `sha1=${createHmac('sha1', apiToken).update(body).digest('hex')}`;
}

/**
 * Whether the request carries Sendbird's signature of its raw body
 * (`x-hub-signature`), compared in constant time. Without an API token in
 * the credential nothing matches.
 */
export function isSignedBySendbird(context: IWebhookFunctions, body: Buffer, apiToken: string): boolean {
	const given = context.getHeaderData()['x-hub-signature'];
	if (apiToken === '' || typeof given !== 'string') return false;
	// Hex digits may come in either case.
	return secretMatches(signatureOf(body, apiToken), given.trim().toLowerCase());
}
