import { searchAgents, searchCustomers, searchGroups, searchTickets } from '../../nodes/SendbirdDesk/methods/listSearch';
import { recordRequests } from '../helpers/expectations';
import { loadOptions } from '../helpers/n8n';
import { API_PATH, ORIGIN, credentials, page, run, sendbird, sendbirdApi } from './fixtures';

const setup = { parameters: { resource: 'ticket', operation: 'get' }, credentials };

describe('Sendbird Desk › list searches (resource locators)', () => {
	it('reads one page per call and hands n8n the next page as paginationToken ("load more")', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope
			.get(`${API_PATH}/customers`).query({ limit: '100' })
			.reply(200, page([{ id: 1, displayName: 'Emma Demir', sendbirdId: 'c1' }, { id: 2, displayName: 'Ali Kaya', sendbirdId: 'c2' }], `${ORIGIN}${API_PATH}/customers?limit=100&offset=100`, 150))
			.get(`${API_PATH}/customers`).query({ limit: '100', offset: '100' })
			.reply(200, page([{ id: 101, displayName: 'Emma Stone', sendbirdId: 'c101' }], null, 150));

		const first = await loadOptions(sendbird, setup, searchCustomers, 'emma');
		expect(first).toEqual({ results: [{ name: 'Emma Demir (c1)', value: '1' }], paginationToken: '/customers?limit=100&offset=100' });
		expect(requests).toHaveLength(1);

		const second = await loadOptions(sendbird, setup, searchCustomers, 'emma', first.paginationToken as string);
		expect(second).toEqual({ results: [{ name: 'Emma Stone (c101)', value: '101' }] });
		expect(requests).toHaveLength(2);
	});

	it('searches tickets on the server (q) and lists agents and groups', async () => {
		sendbirdApi()
			.get(`${API_PATH}/tickets`).query({ limit: '100', q: 'refund' })
			.reply(200, page([{ id: 12546, channelName: 'Olivia: Refund' }]))
			.get(`${API_PATH}/agents`).query({ limit: '100' })
			.reply(200, page([{ id: 3, displayName: 'Richard Miller', email: 'richard@example.com' }, { id: 4, displayName: 'Jane Doe', email: 'jane@example.com' }]))
			.get(`${API_PATH}/groups`).query({ limit: '100' })
			.reply(200, page([{ id: 2, key: 'billing', name: 'Billing' }]));

		expect(await loadOptions(sendbird, setup, searchTickets, 'refund')).toEqual({ results: [{ name: '#12546 Olivia: Refund', value: '12546' }] });
		expect(await loadOptions(sendbird, setup, searchAgents, 'jane')).toEqual({ results: [{ name: 'Jane Doe (jane@example.com)', value: '4' }] });
		expect(await loadOptions(sendbird, setup, searchGroups)).toEqual({ results: [{ name: 'Billing', value: '2' }] });
	});

	it('a token naming another list is not followed: the search starts at the first page', async () => {
		sendbirdApi().get(`${API_PATH}/groups`).query({ limit: '100' }).reply(200, page([]));
		expect(await loadOptions(sendbird, setup, searchGroups, undefined, '/agents?offset=100')).toEqual({ results: [] });
	});

	it('a picked ticket goes into the URL, and its answer has readable values', async () => {
		sendbirdApi()
			.get(`${API_PATH}/tickets/12546`)
			.reply(200, { id: 12546, channelName: 'Refund', status2: 'WORK_IN_PROGRESS', priority: 'HIGH', customer: { displayName: 'Olivia' }, internal: 'x' });

		const { items } = await run('ticket', 'get', { ticketId: { __rl: true, mode: 'list', value: '12546' } });

		expect(items[0].json).toEqual({
			id: 12546, channelName: 'Refund', status2: 'WORK_IN_PROGRESS', status2_name: 'Work in Progress',
			priority: 'HIGH', priority_name: 'High', customer_name: 'Olivia',
		});
	});
});
