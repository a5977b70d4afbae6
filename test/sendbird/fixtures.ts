import nock from 'nock';

import { SendbirdDeskApi } from '../../credentials/SendbirdDeskApi.credentials';
import { resetAccounts } from '../helpers/accounts';
import { SendbirdDesk } from '../../nodes/SendbirdDesk/SendbirdDesk.node';
import { runNode, type NodeHarness } from '../helpers/n8n';

export const APP_ID = '9DA1B1F4-0BE6-4DA8-82C5-2E81DAB56F23';
/** Sendbird's address for APP_ID (hosts are case-insensitive; URLs carry them in lower case). */
export const ORIGIN = `https://desk-api-${APP_ID.toLowerCase()}.sendbird.com`;
export const API_PATH = '/platform/v1';
export const API_TOKEN = 'sendbird-desk-test-token-456';

export const sendbird: NodeHarness = {
	nodeType: new SendbirdDesk(),
	credentialTypes: { sendbirdDeskApi: new SendbirdDeskApi() },
};

export const credentials = {
	sendbirdDeskApi: { applicationId: APP_ID, apiToken: API_TOKEN, baseUrl: '' },
};

/** The nock scope of the Sendbird Desk API, checking the token header on every request. */
export function sendbirdApi(origin = ORIGIN) {
	return nock(origin, { reqheaders: { sendbirddeskapitoken: API_TOKEN } });
}

/** `count` numbered objects starting at `start`. */
export function listOf(count: number, start = 1) {
	return Array.from({ length: count }, (_, index) => ({ id: start + index }));
}

/** A Sendbird list answer; `next` is the full URL of the next page, or null on the last one. */
export function page(results: unknown[], next: string | null = null, count = results.length) {
	return { count, next, previous: null, results };
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	nock.cleanAll();
	resetAccounts();
});
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	if (pending.length) throw new Error(`Requests expected but not sent: ${pending.join(', ')}`);
});

/** Runs the node with the test credential. */
export function run(
	resource: string,
	operation: string,
	parameters: Record<string, unknown> = {},
	items?: Array<{ json: object }>,
) {
	return runNode(sendbird, {
		parameters: { resource, operation, ...parameters } as never,
		credentials,
		items: items as never,
	});
}
