import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DESK360_BASE_URL_EXPRESSION, desk360BaseUrl } from '../nodes/Desk360/shared/baseUrl';
import { HINTS } from '../nodes/Desk360/shared/errors';
import { desk360Login } from '../nodes/Desk360/shared/login';

export class Desk360Api implements ICredentialType {
	name = 'desk360Api';

	displayName = 'Desk360 API';

	icon: Icon = { light: 'file:../icons/desk360.svg', dark: 'file:../icons/desk360.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-helpdesk/n8n-nodes-helpdesk/blob/main/docs/credentials/Desk360Api.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authMode',
			type: 'options',
			options: [
				{
					name: 'API Token',
					value: 'apiToken',
					description: 'A token created in the Desk360 Panel under Settings → API',
				},
				{
					name: 'Email and Password',
					value: 'login',
					description:
						'Log in as a Desk360 user; needs password access switched on under Settings → API',
				},
			],
			default: 'apiToken',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Create it in the Desk360 Panel: Settings → API → create a token for a user',
			displayOptions: { show: { authMode: ['apiToken'] } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			displayOptions: { show: { authMode: ['login'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Desk360 locks the login after 5 wrong attempts in a minute; the node never retries a refused password',
			displayOptions: { show: { authMode: ['login'] } },
		},
		{
			// Filled by the login (preAuthentication) and renewed when Desk360 answers 401.
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Desk360 Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'UTC',
			placeholder: 'e.g. Europe/Istanbul',
			description:
				'The time zone Desk360 writes its times in (created_at, updated_at: its texts name none), as an IANA name such as UTC or Europe/Istanbul. The nodes read the times in it for the _iso fields. Desk360 does not publish it, and Laravel applications such as Desk360 keep UTC unless configured otherwise; to check, compare the created_at of a ticket you have just created with the time you created it.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.desk360.com',
			description: 'Change only to go through a proxy or to a test server',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		if (credentials.authMode !== 'login') return {};
		// The nodes log in through their door (paced, shared by all items); this path
		// serves n8n's own uses of the credential, such as its Test button.
		const sessionToken = await desk360Login(credentials, async (options) => {
			const response = (await this.helpers.httpRequest({
				...options,
				baseURL: desk360BaseUrl(credentials),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
			return { statusCode: response.statusCode, headers: response.headers, body: response.body };
		});
		return { sessionToken };
	}

	/**
	 * The token as a Bearer header: the session token in login mode. A function,
	 * not n8n's generic expression form, which n8n evaluates anew for every
	 * request (about 3.5 ms of CPU each in a profile of 400 creates).
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const token = credentials.authMode === 'login' ? credentials.sessionToken : credentials.apiToken;
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(token ?? '')}` } };
	}

	// Without rules n8n's Test answers a refused token with its generic "Authorization failed".
	test: ICredentialTestRequest = {
		request: {
			baseURL: DESK360_BASE_URL_EXPRESSION,
			url: '/v1/me',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: `Desk360 answered 401. ${HINTS.authentication_exception}` } },
			{ type: 'responseCode', properties: { value: 403, message: `Desk360 answered 403. ${HINTS.not_authorized}` } },
			{ type: 'responseCode', properties: { value: 404, message: `Desk360 answered 404 Not Found. ${HINTS.not_found_exception}` } },
		],
	};
}
