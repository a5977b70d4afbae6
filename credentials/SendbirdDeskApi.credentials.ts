import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { SENDBIRD_DESK_BASE_URL_EXPRESSION } from '../nodes/SendbirdDesk/shared/baseUrl';
import { CHECK_CREDENTIAL } from '../nodes/SendbirdDesk/shared/errors';

export class SendbirdDeskApi implements ICredentialType {
	name = 'sendbirdDeskApi';

	displayName = 'Sendbird Desk API';

	icon: Icon = { light: 'file:../icons/sendbirdDesk.svg', dark: 'file:../icons/sendbirdDesk.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-helpdesk/n8n-nodes-helpdesk/blob/main/docs/credentials/SendbirdDeskApi.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Application ID',
			name: 'applicationId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 9DA1B1F4-0BE6-4DA8-82C5-2E81DAB56F23',
			description:
				'Sendbird Dashboard → Settings → Application → General → Application ID. The API address is built from it.',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The Desk API token of the application, from the Desk settings of the Sendbird Dashboard',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://desk-api-{application_id}.sendbird.com/platform/v1',
			description:
				'Leave empty to use https://desk-api-{application_id}.sendbird.com/platform/v1. Set it only to go through a proxy or to a test server.',
		},
	];

	/** The API token in Sendbird's header (a function: n8n evaluates the generic expression form anew for every request). */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, SENDBIRDDESKAPITOKEN: String(credentials.apiToken ?? '') } };
	}

	// One ticket note: Sendbird answers 200 only to a token it accepts for this application.
	// Without rules n8n's Test answers a refused token with its generic "Authorization failed".
	test: ICredentialTestRequest = {
		request: { baseURL: SENDBIRD_DESK_BASE_URL_EXPRESSION, url: '/ticket_notes', qs: { limit: 1 } },
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: `Sendbird Desk answered 401. ${CHECK_CREDENTIAL}` } },
			{ type: 'responseCode', properties: { value: 403, message: `Sendbird Desk answered 403. ${CHECK_CREDENTIAL}` } },
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Sendbird Desk answered 404 Not Found: check the Application ID, and that the Base URL ends in /platform/v1 (leave it empty for https://desk-api-{application_id}.sendbird.com/platform/v1).',
				},
			},
		],
	};
}
