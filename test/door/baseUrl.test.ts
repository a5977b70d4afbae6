/**
 * One base-URL rule per service, on every path: node operations, dropdowns
 * and the credential test (which n8n sends itself, from an expression that
 * must say the same as the door's function).
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { searchProducts } from '../../nodes/Desk360/methods/listSearch';
import { DESK360_BASE_URL_EXPRESSION, desk360BaseUrl } from '../../nodes/Desk360/shared/baseUrl';
import { SENDBIRD_DESK_BASE_URL_EXPRESSION, sendbirdDeskBaseUrl } from '../../nodes/SendbirdDesk/shared/baseUrl';
import { API_TOKEN, desk360, listOf, tokenCredentials } from '../desk360/fixtures';
import { API_PATH, ORIGIN, credentials as sendbirdCredentials, page, sendbird, sendbirdApi } from '../sendbird/fixtures';
import { buildWorkflow, loadOptions, runNode, testCredential } from '../helpers/n8n';

function evaluate(expression: string, credentials: ICredentialDataDecryptedObject): unknown {
	const { workflow, node } = buildWorkflow(desk360, {});
	return workflow.expression.getSimpleParameterValue(node, expression, 'internal', { $credentials: credentials });
}

const baseUrls = ['', '   ', 'https://api.desk360.com', 'https://api.desk360.com/', ' http://127.0.0.1:8360// ', 'https://proxy.example.com/desk360/'];

describe('base URL › the expression n8n evaluates for the credential test says what the door does', () => {
	it.each(baseUrls)('Desk360 with Base URL %p', (baseUrl) => {
		const credentials = { ...tokenCredentials.desk360Api, baseUrl };
		expect(evaluate(DESK360_BASE_URL_EXPRESSION, credentials)).toBe(desk360BaseUrl(credentials));
	});

	it('Desk360 without a Base URL field at all (a credential saved before it existed)', () => {
		const { baseUrl: _omitted, ...credentials } = tokenCredentials.desk360Api;
		expect(evaluate(DESK360_BASE_URL_EXPRESSION, credentials)).toBe('https://api.desk360.com');
		expect(desk360BaseUrl(credentials)).toBe('https://api.desk360.com');
	});

	it.each(baseUrls.map((baseUrl) => baseUrl.replace('desk360.com', 'sendbird.com')))('Sendbird Desk with Base URL %p', (baseUrl) => {
		const credentials = { ...sendbirdCredentials.sendbirdDeskApi, applicationId: ' APP-1 ', baseUrl };
		expect(evaluate(SENDBIRD_DESK_BASE_URL_EXPRESSION, credentials)).toBe(sendbirdDeskBaseUrl(credentials));
	});
});

describe('base URL › an empty Base URL means the service’s own address on every path', () => {
	const desk360Empty = { desk360Api: { ...tokenCredentials.desk360Api, baseUrl: '' } };
	const desk360Scope = () => nock('https://api.desk360.com', { reqheaders: { authorization: `Bearer ${API_TOKEN}` } });

	it('Desk360 operation', async () => {
		const scope = desk360Scope().get('/v1/agents').reply(200, listOf(1));
		await runNode(desk360, { parameters: { resource: 'agent', operation: 'getAll', returnAll: true }, credentials: desk360Empty });
		expect(scope.isDone()).toBe(true);
	});

	it('Desk360 dropdown', async () => {
		const scope = desk360Scope().get('/v1/products').reply(200, [{ id: 1, name: 'App' }]);
		await loadOptions(desk360, { parameters: {}, credentials: desk360Empty }, searchProducts);
		expect(scope.isDone()).toBe(true);
	});

	it('Desk360 credential test', async () => {
		const scope = desk360Scope().get('/v1/me').reply(200, { id: 1 });
		await testCredential(desk360, 'desk360Api', desk360Empty.desk360Api);
		expect(scope.isDone()).toBe(true);
	});

	it('Sendbird Desk operation and credential test', async () => {
		const scope = sendbirdApi(ORIGIN)
			.get(`${API_PATH}/agents`).query(true).reply(200, page([]))
			.get(`${API_PATH}/ticket_notes`).query({ limit: '1' }).reply(200, page([]));
		const empty = { ...sendbirdCredentials.sendbirdDeskApi, baseUrl: '  ' };

		await runNode(sendbird, { parameters: { resource: 'agent', operation: 'getAll', returnAll: true }, credentials: { sendbirdDeskApi: empty } });
		await testCredential(sendbird, 'sendbirdDeskApi', empty);

		expect(scope.isDone()).toBe(true);
	});
});
