import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { sendRequest } from '../../nodes/shared/send';
import type { RequestContext, ServiceDefinition } from '../../nodes/shared/service';
import { resetAccounts } from '../helpers/accounts';

const node = { name: 'Test' } as INode;

function fakeContext(credentials: ICredentialDataDecryptedObject) {
	const getCredentials = jest.fn(async () => credentials);
	const httpRequestWithAuthentication = jest.fn(async () => ({ statusCode: 200, headers: {}, body: [] }));
	const context = {
		getNode: () => node,
		getCredentials,
		helpers: { httpRequestWithAuthentication },
	} as unknown as RequestContext;
	return { context, getCredentials, httpRequestWithAuthentication };
}

const service = (accountKey: ServiceDefinition['accountKey']): ServiceDefinition => ({
	name: 'Test',
	credentialType: 'testApi',
	baseUrl: () => 'https://api.example.com',
	apiRoot: '',
	accountKey,
	lists: { readPage: () => ({ objects: [] }) },
	toError: () => new Error('failed'),
});

beforeEach(() => resetAccounts());

describe('sendRequest › per-request overhead', () => {
	it('reads and hashes the credential once per context, not once per page', async () => {
		const accountKey = jest.fn((credentials: ICredentialDataDecryptedObject) => String(credentials.token));
		const first = fakeContext({ token: 'a' });
		const second = fakeContext({ token: 'a' });

		for (let page = 1; page <= 5; page++) await sendRequest(first.context, service(accountKey), { url: `/items?page=${page}` });
		await sendRequest(second.context, service(accountKey), { url: '/items' });

		expect(first.httpRequestWithAuthentication).toHaveBeenCalledTimes(5);
		expect(first.getCredentials).toHaveBeenCalledTimes(1);
		expect(second.getCredentials).toHaveBeenCalledTimes(1);
		expect(accountKey).toHaveBeenCalledTimes(2);
	});

	it('reads the credential again after a failed read', async () => {
		const { context, getCredentials } = fakeContext({ token: 'a' });
		getCredentials.mockRejectedValueOnce(new Error('credential not found'));
		const accountKey = (credentials: ICredentialDataDecryptedObject) => String(credentials.token);

		await expect(sendRequest(context, service(accountKey), { url: '/items' })).rejects.toThrow('credential not found');
		await sendRequest(context, service(accountKey), { url: '/items' });

		expect(getCredentials).toHaveBeenCalledTimes(2);
	});
});
