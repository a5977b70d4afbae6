import { createHash, timingSafeEqual } from 'crypto';
import type { IWebhookFunctions } from 'n8n-workflow';

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether the secret sent matches the one set in the node. The hashes are
 * compared, so the time taken says nothing about the secret, not even its length.
 * An empty secret in the node never matches: it would let anyone in.
 */
export function secretMatches(expected: string, given: unknown): boolean {
	if (expected === '' || typeof given !== 'string') return false;
	return timingSafeEqual(digest(expected), digest(given));
}

/** The secret the request carries, where the node's Verification says to look. */
function givenSecret(context: IWebhookFunctions, verification: string): unknown {
	if (verification === 'header') {
		const name = (context.getNodeParameter('headerName', '') as string).trim().toLowerCase();
		return context.getHeaderData()[name];
	}
	if (verification === 'queryParameter') {
		const name = (context.getNodeParameter('queryParameterName', '') as string).trim();
		// A repeated parameter arrives as a list: not a secret.
		return (context.getQueryData() as Record<string, unknown>)[name];
	}
	return undefined;
}

/** Whether the request may start the workflow under the node's Verification setting. */
export function isVerified(context: IWebhookFunctions): boolean {
	const verification = context.getNodeParameter('verification', 'none') as string;
	if (verification === 'none') return true;
	const expected = context.getNodeParameter('secret', '') as string;
	return secretMatches(expected, givenSecret(context, verification));
}
