import type { INodeProperties } from 'n8n-workflow';

import { productLocator } from '../Desk360/shared/descriptions';

/** The two options that call the Desk360 API, and so need the Desk360 credential and the product. */
const apiActionValues = ['downloadMedia', 'markAsRead'];
const withApiActions = { show: { apiActions: apiActionValues } };

/**
 * The same condition for the Desk360 API credential, so that the editor neither
 * shows nor pre-fills it (in place of the webhook secret) without an API action.
 * It names API Actions by its path from the node's root: n8n's editor takes a
 * parameter named in credentials' conditions with all its options for the node's
 * authentication selector, and hides it.
 */
export const credentialWithApiActions = { show: { '/apiActions': apiActionValues } };

const version1 = { '@version': [1] };

/**
 * Version 1 kept the webhook secret in node parameters (so in the workflow);
 * version 2 keeps it in the Desk360 WhatsApp Webhook credential. Version 1's
 * parameters stay, shown only on version 1 nodes, so saved workflows keep working.
 */
const secretParameters: INodeProperties[] = [
	{
		displayName:
			'This node keeps its webhook secret in the workflow. To keep it encrypted in a credential instead, replace it with a new Desk360 WhatsApp Trigger and choose Authentication → Webhook Secret.',
		name: 'workflowSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: version1 },
	},
	{
		displayName: 'Verification',
		name: 'verification',
		type: 'options',
		default: 'queryParameter',
		description:
			'Desk360 signs nothing, so a secret in the URL or a header tells its calls from anyone else’s. A request without the right secret is answered 401 and starts nothing.',
		displayOptions: { show: version1 },
		options: [
			{ name: 'Header', value: 'header', description: 'The secret comes in an HTTP header' },
			{ name: 'None', value: 'none', description: 'Anyone who knows the URL can start the workflow' },
			{
				name: 'Query Parameter',
				value: 'queryParameter',
				description: 'The secret is part of the URL pasted in Desk360 (recommended)',
			},
		],
	},
	{
		displayName: 'Parameter Name',
		name: 'queryParameterName',
		type: 'string',
		required: true,
		default: 'secret',
		description: 'The query parameter that carries the secret: …/webhook?secret=YOUR-SECRET',
		displayOptions: { show: { ...version1, verification: ['queryParameter'] } },
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		required: true,
		default: 'X-Webhook-Secret',
		description: 'The HTTP header that carries the secret',
		displayOptions: { show: { ...version1, verification: ['header'] } },
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'A long random value, also set in Desk360 (in the URL or the header)',
		displayOptions: { show: { ...version1, verification: ['header', 'queryParameter'] } },
	},
];

export const eventsField: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	default: ['messageReceived'],
	description: 'The webhooks that start the workflow; the others are answered 200 and ignored',
	// `action`: the entry's name under Triggers in the Desk360 entry of n8n's nodes panel, where the WhatsApp context is otherwise lost.
	options: [
		{
			name: 'Auto Reply',
			value: 'autoReply',
			action: 'On WhatsApp auto reply',
			description: 'Automatic replies Desk360 sent; one item per reply',
		},
		{
			name: 'Chatbot History',
			value: 'chatbotHistory',
			action: 'On WhatsApp chatbot conversation',
			description: 'A chatbot conversation; one item per turn of the bot or the customer',
		},
		{
			name: 'Message Received',
			value: 'messageReceived',
			action: 'On WhatsApp message received',
			description: 'A WhatsApp message from a customer',
		},
		{
			name: 'Status Update',
			value: 'statusUpdate',
			action: 'On WhatsApp message status update',
			description: 'A message you sent was delivered or read',
		},
	],
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'Desk360 has no API to register webhooks. Copy the Production URL above (the Test URL while listening for a test event) and paste it in the Desk360 panel: WhatsApp Accounts → Public API (next to your WhatsApp account) → webhook URL. With the secret in a query parameter, append ?secret=YOUR-SECRET (your parameter name and secret) to the URL you paste.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		default: 'webhookSecret',
		description:
			'How the trigger tells Desk360’s calls from anyone else’s. Desk360 signs nothing: it sends a secret you set (in the pasted URL or a header). A request without the right secret is answered 401 and starts nothing.',
		displayOptions: { show: { '@version': [2] } },
		options: [
			{
				name: 'Webhook Secret',
				value: 'webhookSecret',
				description: 'The secret, its place and name are kept in a Desk360 WhatsApp Webhook credential (recommended)',
			},
			{ name: 'None', value: 'none', description: 'Anyone who knows the URL can start the workflow' },
		],
	},
	...secretParameters,
	eventsField,
	{
		displayName: 'Message Types',
		name: 'messageTypes',
		type: 'multiOptions',
		default: ['button', 'contacts', 'location', 'media', 'other', 'text'],
		description: 'The received messages that start the workflow',
		displayOptions: { show: { events: ['messageReceived'] } },
		options: [
			{ name: 'Button Reply', value: 'button', description: 'The customer tapped a reply button' },
			{ name: 'Contacts', value: 'contacts' },
			{
				name: 'Image and Other Media',
				value: 'media',
				description: 'Image, video, audio, document or sticker',
			},
			{ name: 'Location', value: 'location' },
			{ name: 'Other Types', value: 'other', description: 'Any type Desk360 adds later' },
			{ name: 'Text', value: 'text' },
		],
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: ['delivered', 'other', 'read'],
		description: 'The status updates that start the workflow',
		displayOptions: { show: { events: ['statusUpdate'] } },
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Other Statuses', value: 'other', description: 'Any status other than delivered or read' },
			{ name: 'Read', value: 'read' },
		],
	},
	{
		displayName: 'API Actions',
		name: 'apiActions',
		type: 'multiOptions',
		default: [],
		description:
			'Calls to the Desk360 API for each received message. They need the Desk360 API credential and the product. Desk360 gets its answer first, so a slow or failed call never holds it up; a failure is put in the item.',
		options: [
			{
				name: 'Download Media',
				value: 'downloadMedia',
				description: 'Fetch the file of a media message and attach it as binary data',
			},
			{
				name: 'Mark as Read',
				value: 'markAsRead',
				description: 'Mark received messages read, so the customer sees blue ticks',
			},
		],
	},
	{
		...productLocator,
		description: 'The Desk360 product (WhatsApp account) these webhooks come from',
		displayOptions: withApiActions,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Raw Payload',
				name: 'includeRawPayload',
				type: 'boolean',
				default: false,
				description: 'Whether to add the whole webhook body to each item, as rawPayload',
			},
			{
				displayName: 'Put Media in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'The binary field that holds the downloaded media',
				displayOptions: { show: { '/apiActions': ['downloadMedia'] } },
			},
		],
	},
];
