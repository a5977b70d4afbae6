// Webhooks posted to a URL: Desk360's WhatsApp webhooks, as the document's
// examples show them, with fresh ids and timestamps (POST /__sandbox/webhook),
// and Sendbird Desk webhooks signed as Sendbird signs them (POST
// /__sandbox/sendbird-webhook).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import { EXAMPLE_PDF, pngImage, storeMedia } from './media.mjs';

const CUSTOMER = { from: '905551234567', name: 'John Doe' };

/** A WhatsApp message id like the document's (`ABEGkF...`). */
const wamid = (prefix = 'ABEGkF') => `${prefix}${randomBytes(16).toString('base64url').slice(0, 22)}`;

const CONTACT = {
	addresses: [{ city: 'Menlo Park', country: 'United States', country_code: 'us', state: 'CA', street: '1 Hacker Way', type: 'WORK', zip: '94025' }],
	birthday: '2012-08-18',
	emails: [{ email: 'kfish@fb.com', type: 'WORK' }],
	ims: [{ service: 'AIM', user_id: 'kfish' }],
	name: { first_name: 'Kerry', formatted_name: 'Kerry Fisher', last_name: 'Fisher' },
	org: { company: 'Meta', department: 'WhatsApp' },
	phones: [{ phone: '+1 (650) 555-1234', type: 'WORK', wa_id: '16505551234' }],
	urls: [{ url: 'https://www.facebook.com', type: 'WORK' }],
};

/** Received-message bodies by kind; `image` stores a PNG so its media_id can be downloaded. */
const MESSAGES = {
	text: () => ({ text: 'Hello', type: 'text' }),
	location: () => ({
		text: 'Main Street Beach - Main Street Beach, Santa Cruz, CA, latitude: 38.9806263495, longitude: -131.9428612257',
		location: { address: 'Main Street Beach, Santa Cruz, CA', latitude: 38.9806263495, longitude: -131.9428612257, name: 'Main Street Beach' },
		type: 'location',
	}),
	contacts: () => ({ type: 'contacts', contacts: [structuredClone(CONTACT)] }),
	image: ({ media, baseUrl }) => {
		const bytes = pngImage();
		const name = `${randomBytes(20).toString('hex')}.png`;
		const mediaId = storeMedia(media, { bytes, type: 'image/png', name });
		return {
			image: { message: null, media_id: mediaId, mime_type: 'image/png', sha: media.get(mediaId).sha256 },
			attachments: { images: [{ url: `${baseUrl}/__sandbox/files/${mediaId}/${name}`, name, type: 'image', aws: false }] },
			type: 'image',
		};
	},
	// Not in the document: a tapped reply button, as WhatsApp sends it.
	button: () => ({ type: 'button', button: { payload: 'ID 1.1', text: 'Button 1' } }),
};

const botHistories = (timestamp) => [
	{ type: 'Message', to: CUSTOMER.from, is_bot: true, text: '<p>Welcome to Desk360</p>' },
	{ type: 'Button', from: CUSTOMER.from, is_bot: false, text: 'More Information', id: wamid('ABEGkFMIcyRoAgs-'), timestamp },
	{ type: 'Message', to: CUSTOMER.from, is_bot: true, text: '<p>You can get more information about Desk360 with the following options.</p>' },
	{ type: 'Button', from: CUSTOMER.from, is_bot: false, text: 'Live Help', id: wamid('ABEGkFMIcyRoAgs-'), timestamp },
];

const autoReplies = (timestamp, baseUrl) => [
	{ id: wamid('gBEGkFMIcyRoAg'), text: 'Welcome to Desk360', to: CUSTOMER.from, timestamp },
	{
		id: wamid('gBEGkFMIcyRoAg'),
		text: 'You can review the file for more information about the Business plan.',
		to: CUSTOMER.from,
		timestamp,
		attachments: [{ aws: false, url: `${baseUrl}/__sandbox/files/${EXAMPLE_PDF.id}/${EXAMPLE_PDF.name}`, name: EXAMPLE_PDF.name, type: 'file', contentType: 'application/pdf' }],
	},
];

export const WEBHOOK_KINDS = [...Object.keys(MESSAGES), 'status', 'bot_histories', 'auto_replies'];

/**
 * The body of one webhook of a kind.
 * @param {string} kind
 * @param {{ media: Map<string, object>, baseUrl: string, status?: string }} context
 */
export function webhookBody(kind, context) {
	const timestamp = String(Math.floor(Date.now() / 1000));
	if (MESSAGES[kind]) return { messages: { id: wamid(), ...CUSTOMER, timestamp, ...MESSAGES[kind](context) } };
	if (kind === 'status') return { statuses: { id: wamid('gBEGkFBXUQRnAgl'), from: CUSTOMER.from, status: context.status ?? 'delivered' } };
	if (kind === 'bot_histories') return { bot_histories: botHistories(timestamp) };
	if (kind === 'auto_replies') return { auto_replies: autoReplies(timestamp, context.baseUrl) };
	throw new Error(`kind must be one of ${WEBHOOK_KINDS.join(', ')}`);
}

/** Posts `text` as JSON to `url`: the target's status, its body (parsed when JSON) and how long it took to answer. */
async function postJson(url, text, headers, userAgent) {
	const started = performance.now();
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'User-Agent': userAgent, ...headers },
		body: text,
	});
	const answer = await response.text();
	const elapsedMs = Math.round(performance.now() - started);
	let body = answer;
	try {
		body = JSON.parse(answer);
	} catch {
		// Not JSON: the text as it is.
	}
	return { status: response.status, body, elapsedMs };
}

/**
 * Posts a WhatsApp webhook to `url` (with `query` added to it and `headers` sent along):
 * `{ status, body, elapsedMs, sent }`, the target's answer and what was posted.
 */
export async function postWebhook({ url, kind, headers = {}, query = {}, status }, context) {
	const target = new URL(url);
	for (const [key, value] of Object.entries(query)) target.searchParams.append(key, String(value));
	const sent = webhookBody(kind, { ...context, status });
	return { ...(await postJson(target, JSON.stringify(sent), headers, 'Desk360-Sandbox-Webhook')), sent };
}

export const SENDBIRD_SIGNATURES = ['valid', 'wrong', 'none'];

/**
 * A Sendbird Desk webhook body. The part of Sendbird's documentation that
 * could be read shows no payload, so this shape is the sandbox's own: the
 * event name, when it happened (epoch ms), a delivery id that makes each
 * delivery unique, and the ticket as the Desk API shows it.
 */
export function sendbirdWebhookBody(event, ticket) {
	return { event, occurredAt: Date.now(), deliveryId: randomUUID(), ticket };
}

/** Sendbird's x-hub-signature: sha1= and the HMAC-SHA1 of the raw body, keyed with the API token. */
export function sendbirdSignature(text, apiToken) {
	return `sha1=${createHmac('sha1', apiToken).update(text).digest('hex')}`;
}

/**
 * Posts one Sendbird Desk webhook about `ticket` to `url`, `times` times with
 * the same bytes (as Sendbird sends a delivery again when the answer is late),
 * signed with `apiToken` (`signature: 'valid'`), with another key ('wrong')
 * or not at all ('none'): `{ status, body, elapsedMs, answers, sent }`.
 */
export async function postSendbirdWebhook({ url, event = 'ticket.created', signature = 'valid', times = 1 }, { ticket, apiToken }) {
	const sent = sendbirdWebhookBody(event, ticket);
	const text = JSON.stringify(sent);
	const headers = {};
	if (signature === 'valid') headers['x-hub-signature'] = sendbirdSignature(text, apiToken);
	if (signature === 'wrong') headers['x-hub-signature'] = sendbirdSignature(text, `not-${apiToken}`);
	const answers = [];
	for (let attempt = 0; attempt < times; attempt++) answers.push(await postJson(url, text, headers, 'Sendbird-Desk-Sandbox-Webhook'));
	return { ...answers[0], answers, sent };
}
