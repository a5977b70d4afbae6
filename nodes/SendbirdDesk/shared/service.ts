import type { IDataObject } from 'n8n-workflow';

import { asObjects } from '../../shared/pages';
import type { PageReader, ServiceDefinition } from '../../shared/service';
import { sendbirdDeskBaseUrl } from './baseUrl';
import { sendbirdDeskError } from './errors';

/** Sendbird Desk lists: { count, next, previous, results }; `next` is null on the last page. */
const resultsPages: PageReader = (answer) => {
	const body = answer.body as { next?: unknown; results?: unknown } | undefined;
	if (!Array.isArray(body?.results)) return { objects: asObjects(answer.body) };
	const next = body.next;
	return { objects: body.results as IDataObject[], next: typeof next === 'string' && next !== '' ? next : undefined };
};

/** What the door needs to know about Sendbird Desk. */
export const sendbirdDeskService: ServiceDefinition = {
	name: 'Sendbird Desk',
	credentialType: 'sendbirdDeskApi',
	baseUrl: sendbirdDeskBaseUrl,
	// Sendbird's own addresses: https://desk-api-{application_id}.sendbird.com/platform/v1/...
	apiRoot: '/platform/v1',
	// Sendbird limits requests per application.
	accountKey: (credentials) =>
		`${String(credentials.applicationId ?? '').trim()}\n${sendbirdDeskBaseUrl(credentials)}`,
	// Most list endpoints take pages of up to 500 (`limit`); ticket notes only 100.
	lists: { readPage: resultsPages, pageSize: { parameter: 'limit', max: 500 } },
	toError: sendbirdDeskError,
};
