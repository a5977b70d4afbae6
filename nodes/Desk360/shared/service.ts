import { createHash } from 'crypto';

import type { ServiceDefinition } from '../../shared/service';
import { desk360BaseUrl } from './baseUrl';
import { desk360Error } from './errors';
import { desk360Login, desk360LoginKey } from './login';
import { linkHeaderPages } from './pages';
import { desk360CredentialTimeZone } from './timeZone';

/** What the door needs to know about Desk360. */
export const desk360Service: ServiceDefinition = {
	name: 'Desk360',
	credentialType: 'desk360Api',
	baseUrl: desk360BaseUrl,
	// Desk360's own addresses start at the host: /v1/...
	apiRoot: '',
	accountKey: (credentials) =>
		createHash('sha256')
			.update(
				`${desk360BaseUrl(credentials)}\n${
					credentials.authMode === 'login' ? String(credentials.email) : String(credentials.apiToken)
				}`,
			)
			.digest('hex'),
	// Fixed pages of 20; the next page is in the Link header.
	lists: { readPage: linkHeaderPages },
	session: {
		applies: (credentials) => credentials.authMode === 'login',
		field: 'sessionToken',
		key: desk360LoginKey,
		login: desk360Login,
	},
	// A login locked after wrong passwords answers 429 too; waiting and trying again would not help.
	isRateLimit: (answer) => (answer.body as { error?: { code?: unknown } } | undefined)?.error?.code !== 'too_many_attempts',
	timeZone: desk360CredentialTimeZone,
	toError: desk360Error,
};
