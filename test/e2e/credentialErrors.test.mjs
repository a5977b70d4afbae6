// End-to-end: what a user reads in n8n's editor when a credential is wrong,
// through the same REST calls the editor makes (the credential dialog's Test
// button, a list search): what to fix, never n8n's generic "Authorization
// failed" nor Desk360's bare "Unauthenticated.".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { SANDBOX_CREDENTIALS, startSandbox } from '../../sandbox/server.mjs';
import { importCredentials, installPackedPackage, PACKAGE, startServer } from './harness.mjs';

let sandbox;
let server;
let credentials;

async function post(path, body) {
	const response = await fetch(`${server.base}/rest/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: server.cookie },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}

/** What the credential dialog's Test button shows. */
async function testCredential(credential) {
	const { status, body } = await post('credentials/test', { credentials: credential });
	assert.equal(status, 200, JSON.stringify(body));
	return body.data;
}

before(async () => {
	const { userFolder } = installPackedPackage();
	sandbox = await startSandbox({ port: 0 });
	const { sendbird } = SANDBOX_CREDENTIALS;
	credentials = {
		desk360: { id: 'e2eWrongDesk360', name: 'Desk360 wrong token', type: 'desk360Api', data: { authMode: 'apiToken', apiToken: 'not-a-token', baseUrl: sandbox.url, sessionToken: '' } },
		sendbird: { id: 'e2eWrongSendbird', name: 'Sendbird wrong token', type: 'sendbirdDeskApi', data: { applicationId: sendbird.applicationId, apiToken: 'not-a-token', baseUrl: `${sandbox.url}${sendbird.basePath}` } },
		sendbirdPath: { id: 'e2eSendbirdNoPath', name: 'Sendbird without /platform/v1', type: 'sendbirdDeskApi', data: { applicationId: sendbird.applicationId, apiToken: sendbird.apiToken, baseUrl: sandbox.url } },
	};
	await importCredentials(userFolder, Object.values(credentials));
	server = await startServer(userFolder);
});

after(async () => {
	await server?.stop();
	await sandbox?.stop();
});

describe('a wrong credential in the editor', () => {
	it('Desk360: the Test button says the token was refused and where to get one', async () => {
		const result = await testCredential(credentials.desk360);
		assert.equal(result.status, 'Error');
		assert.match(result.message, /^Desk360 answered 401\. The token was refused\. Open the Desk360 credential and paste a token from Desk360 Panel → Settings → API/);
	});

	it('Sendbird Desk: the Test button names the Application ID and the Desk API token', async () => {
		const result = await testCredential(credentials.sendbird);
		assert.equal(result.status, 'Error');
		assert.match(result.message, /^Sendbird Desk answered 40[13]\. Sendbird Desk refused the API token\. .*Application ID/);
	});

	it('Sendbird Desk: a Base URL without /platform/v1 is named as the thing to check', async () => {
		const result = await testCredential(credentials.sendbirdPath);
		assert.equal(result.status, 'Error');
		assert.match(result.message, /Base URL ends in \/platform\/v1/);
	});

	it('a list search with a refused token says what to fix, not just "Unauthenticated."', async () => {
		const { status, body } = await post('dynamic-node-parameters/resource-locator-results', {
			path: 'parameters.product',
			nodeTypeAndVersion: { name: `${PACKAGE}.desk360`, version: 1 },
			currentNodeParameters: { resource: 'ticket', operation: 'getAll' },
			methodName: 'searchProducts',
			credentials: { desk360Api: { id: credentials.desk360.id, name: credentials.desk360.name } },
			filter: '',
		});
		assert.notEqual(status, 200);
		assert.match(JSON.stringify(body), /Unauthenticated\. The token was refused\. Open the Desk360 credential/);
	});
});
