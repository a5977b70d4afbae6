import { Desk360Api } from '../../credentials/Desk360Api.credentials';
import { Desk360WhatsAppWebhookApi } from '../../credentials/Desk360WhatsAppWebhookApi.credentials';
import { Desk360Trigger } from '../../nodes/Desk360Trigger/Desk360Trigger.node';
import type { NodeHarness } from '../helpers/n8n';
import { callWebhook, type WebhookRequest, type WebhookSetup } from '../helpers/webhook';

// Resets nock, rate gates and sessions per test, and fails tests that leave requests unsent.
import '../desk360/fixtures';

export const desk360Trigger: NodeHarness = {
	nodeType: new Desk360Trigger(),
	credentialTypes: { desk360Api: new Desk360Api(), desk360WhatsAppWebhookApi: new Desk360WhatsAppWebhookApi() },
};

export const ALL_EVENTS = ['messageReceived', 'statusUpdate', 'chatbotHistory', 'autoReply'];

/** Parameters for a trigger (the current version) that takes every event without a secret, plus `overrides`. */
export function parametersWith(overrides: Record<string, unknown> = {}) {
	return { events: ALL_EVENTS, authentication: 'none', ...overrides };
}

/** One call to the trigger's webhook (version 2 unless `setup` says); the body goes as JSON unless `call` says otherwise. */
export async function post(
	body: unknown,
	parameters: Record<string, unknown> = {},
	call: WebhookRequest = {},
	setup: Partial<WebhookSetup> = {},
) {
	return await callWebhook(desk360Trigger, { parameters: parametersWith(parameters), typeVersion: 2, ...setup }, { body, ...call });
}

export const STARTED = { message: 'Workflow was started' };

// The examples of Desk360's API documentation (WhatsApp Webhooks).

export const textMessage = {
	messages: {
		id: 'ABEGkFMIcyRoAgo-sGaD-H6MgPEt',
		text: 'Hello',
		from: '90xxxxxxxxxx',
		timestamp: '1630913975',
		name: 'John Doe',
		type: 'text',
	},
};

const locationMessage = {
	messages: {
		id: 'ABEGkFBXUQRnAgo6cHkZc1yy0dAx',
		text: 'Main Street Beach - Main Street Beach, Santa Cruz, CA, latitude: 38.9806263495, longitude: -131.9428612257',
		from: '90xxxxxxxxxx',
		timestamp: '1700052659',
		name: 'John Doe',
		location: {
			address: 'Main Street Beach, Santa Cruz, CA',
			latitude: 38.9806263495,
			longitude: -131.9428612257,
			name: 'Main Street Beach',
		},
		type: 'location',
	},
};

const contactsMessage = {
	messages: {
		id: 'ABEGkFBXUQRnAgo6PXn8aI1fmlOm',
		from: '90xxxxxxxxxx',
		timestamp: '1700052797',
		name: 'John Doe',
		type: 'contacts',
		contacts: [
			{
				addresses: [{ city: 'Menlo Park', country: 'United States', country_code: 'us', type: 'WORK' }],
				birthday: '2012-08-18',
				emails: [{ email: 'kfish@fb.com', type: 'WORK' }],
				name: { first_name: 'Kerry', formatted_name: 'Kerry Fisher', last_name: 'Fisher' },
				phones: [{ phone: '+1 (650) 555-1234', type: 'WORK', wa_id: '16505551234' }],
			},
		],
	},
};

export const MEDIA_ID = '83518734-56a9-4b51-8372-93f1432cfa9b';

export const imageMessage = {
	messages: {
		id: 'ABEGkFBXUQRnAgo6xTEQCONO2nW9',
		from: '90xxxxxxxxxx',
		timestamp: '1689756449',
		name: 'John Doe',
		image: {
			message: null,
			media_id: MEDIA_ID,
			mime_type: 'image/jpeg',
			sha: '7e18d97d50eea65a50d9fa93db26e1c689da7c7de64d829b22aad38c4f541510',
		},
		attachments: {
			images: [
				{
					url: 'https://path/to/file/9oCtWHWxkv4E0PQhtHA4uW4NRinIROKCO8NEae5p.jpeg',
					name: '9oCtWHWxkv4E0PQhtHA4uW4NRinIROKCO8NEae5p.jpeg',
					type: 'image',
					aws: true,
				},
			],
		},
		type: 'image',
	},
};

/** A tapped reply button, in WhatsApp's shape (the document has no example). */
const buttonMessage = {
	messages: {
		id: 'ABEGkFMIcyRoAgs-button',
		from: '90xxxxxxxxxx',
		timestamp: '1692787287',
		name: 'John Doe',
		type: 'interactive',
		interactive: { type: 'button_reply', button_reply: { id: 'plans', title: 'Plans' } },
	},
};

/** A type the document does not list. */
const reactionMessage = {
	messages: {
		id: 'ABEGkFMIcyRoAgs-reaction',
		from: '90xxxxxxxxxx',
		timestamp: '1692787287',
		name: 'John Doe',
		type: 'reaction',
		reaction: { emoji: '👍' },
	},
};

/** One example message of each type the Message Types option knows. */
export const messageOfType = {
	text: textMessage,
	location: locationMessage,
	contacts: contactsMessage,
	media: imageMessage,
	button: buttonMessage,
	other: reactionMessage,
};

export function statusUpdate(status: string) {
	return { statuses: { id: 'gBEGkFBXUQRnAglM82HET_hbwJs', from: '90xxxxxxxxxx', status } };
}

export const chatbotHistory = {
	bot_histories: [
		{ type: 'Message', to: '90xxxxxxxxxx', is_bot: true, text: '<p>Welcome to Desk360</p>' },
		{
			type: 'Button',
			from: '90xxxxxxxxxx',
			is_bot: false,
			text: 'More Information',
			id: 'ABEGkFMIcyRoAgs-sFmk8fXNlUGwIQ',
			timestamp: '1692787287',
		},
		{
			type: 'Message',
			to: '90xxxxxxxxxx',
			is_bot: true,
			text: '<p>You can get more information about Desk360 with the following options.</p>',
		},
		{
			type: 'Button',
			from: '90xxxxxxxxxx',
			is_bot: false,
			text: 'Live Help',
			id: 'ABEGkFMIcyRoAgs-sKIFnZGasIlQdA',
			timestamp: '1692787299',
		},
	],
};

export const autoReplies = {
	auto_replies: [
		{ id: 'gBEGkFMIcyRoAgngaep4vprrvIE', text: 'Welcome to Desk360', to: '90xxxxxxxxxx', timestamp: '1692777543' },
		{
			id: 'gBEGkFMIcyRoAgkDpFE1rjPvhgw',
			text: 'You can review the file for more information about the Business plan.',
			to: '905308732468',
			timestamp: '1692777543',
			attachments: [
				{
					aws: true,
					url: 'https://path/to/file/0PyN0yBLlecc3DlzX5FoH45UBIA6qZk0Xlo7exfN.pdf',
					name: '0PyN0yBLlecc3DlzX5FoH45UBIA6qZk0Xlo7exfN.pdf',
					type: 'file',
					contentType: 'application/pdf',
				},
			],
		},
	],
};
