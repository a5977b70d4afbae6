import nock from 'nock';

import { Desk360Api } from '../../credentials/Desk360Api.credentials';
import { Desk360 } from '../../nodes/Desk360/Desk360.node';
import { resetAccounts } from '../helpers/accounts';
import type { NodeHarness } from '../helpers/n8n';

export const BASE_URL = 'https://api.desk360.com';
export const API_TOKEN = 'test-api-token-123';

export const desk360: NodeHarness = {
	nodeType: new Desk360(),
	credentialTypes: { desk360Api: new Desk360Api() },
};

export const tokenCredentials = {
	desk360Api: { authMode: 'apiToken', apiToken: API_TOKEN, baseUrl: BASE_URL, sessionToken: '' },
};

export const loginCredentials = {
	desk360Api: {
		authMode: 'login',
		email: 'agent@example.com',
		password: 'correct horse',
		baseUrl: BASE_URL,
		sessionToken: '',
	},
};

/** The nock scope of the Desk360 API, checking the token on every request. */
export function desk360Api(token = API_TOKEN) {
	return nock(BASE_URL, { reqheaders: { authorization: `Bearer ${token}` } });
}

export function product(id: number | string) {
	return { __rl: true, mode: 'id', value: String(id) };
}

export function listOf(count: number, start = 1) {
	return Array.from({ length: count }, (_, index) => ({ id: start + index }));
}

/** Fresh account state and HTTP mocks for every test. */
export function resetDesk360State() {
	nock.cleanAll();
	resetAccounts();
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => resetDesk360State());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	if (pending.length) throw new Error(`Requests expected but not sent: ${pending.join(', ')}`);
});
