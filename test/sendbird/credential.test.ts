import nock from 'nock';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { API_PATH, API_TOKEN, APP_ID, ORIGIN, credentials, listOf, page, sendbird, sendbirdApi } from './fixtures';
import { failureOf } from '../helpers/expectations';
import { runNode, testCredential } from '../helpers/n8n';
import { sendbirdDeskBaseUrl } from '../../nodes/SendbirdDesk/shared/baseUrl';

function getAgents(data: ICredentialDataDecryptedObject) {
	return runNode(sendbird, {
		parameters: { resource: 'agent', operation: 'getAll', returnAll: true },
		credentials: { sendbirdDeskApi: data },
	});
}

describe('Sendbird Desk credential', () => {
	it('sends the token as the SENDBIRDDESKAPITOKEN header to the address built from the application ID', async () => {
		const scope = sendbirdApi().get(`${API_PATH}/agents`).query(true).reply(200, page(listOf(1)));

		await getAgents({ ...credentials.sendbirdDeskApi, applicationId: ` ${APP_ID} ` });

		expect(scope.isDone()).toBe(true);
	});

	it('sends requests to the Base URL override instead (trailing slash ignored)', async () => {
		const scope = nock('http://localhost:8089', { reqheaders: { sendbirddeskapitoken: API_TOKEN } })
			.get('/desk/platform/v1/agents')
			.query(true)
			.reply(200, page(listOf(1)));

		await getAgents({ ...credentials.sendbirdDeskApi, baseUrl: 'http://localhost:8089/desk/platform/v1/' });

		expect(scope.isDone()).toBe(true);
	});

	it('its test request proves the token with GET /ticket_notes?limit=1 on the application’s address', async () => {
		const scope = sendbirdApi().get(`${API_PATH}/ticket_notes`).query({ limit: '1' }).reply(200, page([]));

		const answer = await testCredential(sendbird, 'sendbirdDeskApi', credentials.sendbirdDeskApi);

		expect(scope.isDone()).toBe(true);
		expect(answer).toEqual(page([]));
	});

	it('its test request goes to the Base URL override when set', async () => {
		const scope = nock('http://localhost:8089', { reqheaders: { sendbirddeskapitoken: API_TOKEN } })
			.get('/desk/platform/v1/ticket_notes')
			.query({ limit: '1' })
			.reply(200, page([]));

		await testCredential(sendbird, 'sendbirdDeskApi', {
			...credentials.sendbirdDeskApi,
			baseUrl: ' http://localhost:8089/desk/platform/v1 ',
		});

		expect(scope.isDone()).toBe(true);
	});

	it('its test request fails on a token Sendbird refuses', async () => {
		const scope = nock(ORIGIN, { reqheaders: { sendbirddeskapitoken: 'wrong' } })
			.get(`${API_PATH}/ticket_notes`)
			.query(true)
			.reply(401, { message: 'Invalid token.', code: 400108 });

		const error = await failureOf(
			testCredential(sendbird, 'sendbirdDeskApi', { ...credentials.sendbirdDeskApi, apiToken: 'wrong' }),
		);

		expect(scope.isDone()).toBe(true);
		expect(error.message).toContain('401');
	});

	it('sendbirdDeskBaseUrl (rate-limit accounts, `next` links) builds the addresses the expression does', () => {
		expect(sendbirdDeskBaseUrl(credentials.sendbirdDeskApi)).toBe(`https://desk-api-${APP_ID}.sendbird.com/platform/v1`);
		expect(sendbirdDeskBaseUrl({ ...credentials.sendbirdDeskApi, baseUrl: ' http://localhost:8089/x// ' })).toBe(
			'http://localhost:8089/x',
		);
	});
});
