import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The secret Desk360 sends with its WhatsApp webhooks (Desk360 signs nothing,
 * so a secret in the pasted URL or in a header tells its calls from anyone
 * else's). Kept as a credential so that n8n stores it encrypted and never in
 * the workflow. Tested by the Desk360 WhatsApp Trigger (testedBy): Desk360 has
 * no endpoint that could confirm it.
 */
export class Desk360WhatsAppWebhookApi implements ICredentialType {
	name = 'desk360WhatsAppWebhookApi';

	displayName = 'Desk360 WhatsApp Webhook API';

	icon: Icon = { light: 'file:../icons/desk360.svg', dark: 'file:../icons/desk360.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-helpdesk/n8n-nodes-helpdesk/blob/main/docs/credentials/Desk360WhatsAppWebhookApi.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Sent In',
			name: 'sentIn',
			type: 'options',
			options: [
				{
					name: 'Query Parameter',
					value: 'queryParameter',
					description: 'Part of the URL pasted in Desk360: …/webhook?secret=YOUR-SECRET (recommended)',
				},
				{ name: 'Header', value: 'header', description: 'An HTTP header Desk360 sends' },
			],
			default: 'queryParameter',
			description: 'Where Desk360’s webhook requests carry the secret',
		},
		{
			displayName: 'Parameter Name',
			name: 'parameterName',
			type: 'string',
			default: 'secret',
			description: 'The query parameter of the pasted URL that carries the secret',
			displayOptions: { show: { sentIn: ['queryParameter'] } },
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Webhook-Secret',
			description: 'The HTTP header that carries the secret',
			displayOptions: { show: { sentIn: ['header'] } },
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'A long random value (at least 12 characters), also set in Desk360: in the pasted URL or the header',
		},
	];
}
