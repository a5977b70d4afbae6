import nock from 'nock';

import { API_PATH, API_TOKEN, ORIGIN, credentials, listOf, page, run, sendbird, sendbirdApi } from './fixtures';
import { failureOf, recordRequests } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';

const notes = `${API_PATH}/ticket_notes`;

function notesPage(offset: number, limit = 100, origin = ORIGIN) {
	return `${origin}${notes}?limit=${limit}&offset=${offset}&start_date=2026-01-01`;
}

function getNotes(parameters: Record<string, unknown>) {
	return run('ticketNote', 'getAll', { filters: { startDate: '2026-01-01', endDate: '2026-06-30' }, ...parameters });
}

describe('Sendbird Desk › pagination by `next`', () => {
	it('Return All follows `next` as given over three pages until it is null', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope
			.get(notes).query({ limit: '100', start_date: '2026-01-01', end_date: '2026-06-30' })
			.reply(200, page(listOf(100, 1), notesPage(100), 230))
			.get(notes).query({ limit: '100', offset: '100', start_date: '2026-01-01' })
			.reply(200, page(listOf(100, 101), notesPage(200), 230))
			.get(notes).query({ limit: '100', offset: '200', start_date: '2026-01-01' })
			.reply(200, page(listOf(30, 201), null, 230));

		const { items } = await getNotes({ returnAll: true });

		expect(items.map((item) => item.json.id)).toEqual(Array.from({ length: 230 }, (_, index) => index + 1));
		// The next URL is followed as given: the first page's query is not added again.
		expect(requests.map((request) => request.path)).toEqual([
			`${notes}?end_date=2026-06-30&start_date=2026-01-01&limit=100`,
			`${notes}?limit=100&offset=100&start_date=2026-01-01`,
			`${notes}?limit=100&offset=200&start_date=2026-01-01`,
		]);
		expect(requests.every((request) => request.headers.sendbirddeskapitoken === API_TOKEN)).toBe(true);
	});

	it('Limit cuts across a page and asks the last page only for what is missing', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope
			.get(notes).query({ limit: '100', start_date: '2026-01-01', end_date: '2026-06-30' })
			.reply(200, page(listOf(100, 1), notesPage(100)))
			.get(notes).query({ limit: '50', offset: '100', start_date: '2026-01-01' })
			.reply(200, page(listOf(50, 101), notesPage(150)));
		// The third page exists but must not be asked for.

		const { items } = await getNotes({ returnAll: false, limit: 150 });

		expect(items).toHaveLength(150);
		expect(items[149].json.id).toBe(150);
		expect(requests).toHaveLength(2);
	});

	it('Limit stops early when the server sends smaller pages than asked for, cutting the last one', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope
			.get(notes).query({ limit: '25', start_date: '2026-01-01', end_date: '2026-06-30' })
			.reply(200, page(listOf(10, 1), notesPage(10, 10)))
			.get(notes).query({ limit: '15', offset: '10', start_date: '2026-01-01' })
			.reply(200, page(listOf(20, 11), notesPage(30, 20)));

		const { items } = await getNotes({ returnAll: false, limit: 25 });

		expect(items.map((item) => item.json.id)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
		expect(requests).toHaveLength(2);
	});

	it('stops at an empty page even if it names a next one', async () => {
		sendbirdApi()
			.get(notes).query(true).reply(200, page(listOf(3), notesPage(3)))
			.get(notes).query(true).reply(200, page([], notesPage(3)));

		const { items } = await getNotes({ returnAll: true });

		expect(items).toHaveLength(3);
	});

	it.each([
		['ticket', '/tickets'],
		['customer', '/customers'],
		['agent', '/agents'],
		['group', '/groups'],
	])('%s Get Many asks for pages of 500 and follows `next`', async (resource, path) => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope
			.get(`${API_PATH}${path}`).query({ limit: '500' })
			.reply(200, page(listOf(500, 1), `${ORIGIN}${API_PATH}${path}?limit=500&offset=500`))
			.get(`${API_PATH}${path}`).query({ limit: '500', offset: '500' })
			.reply(200, page(listOf(2, 501)));

		const { items } = await run(resource, 'getAll', { returnAll: true });

		expect(items).toHaveLength(502);
		expect(requests).toHaveLength(2);
	});

	it('asks the Base URL for a `next` that names another host: the token never goes there', async () => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope
			.get(notes).query(true)
			.reply(200, page(listOf(100, 1), 'https://evil.example.com/platform/v1/ticket_notes?limit=100&offset=100&start_date=2026-01-01'))
			.get(notes).query({ limit: '100', offset: '100', start_date: '2026-01-01' })
			.reply(200, page(listOf(5, 101)));

		const { items } = await getNotes({ returnAll: true });

		expect(items).toHaveLength(105);
		expect(requests).toHaveLength(2);
	});

	it('refuses a `next` outside the API instead of guessing', async () => {
		sendbirdApi()
			.get(notes).query(true)
			.reply(200, page(listOf(100), 'https://evil.example.com/steal?offset=100'));

		const error = await failureOf(getNotes({ returnAll: true }));

		expect(error.message).toBe('Sendbird Desk pointed the next page outside its API');
		expect(error.description).toContain('/steal');
	});

	it('behind a Base URL override, a `next` on Sendbird itself is followed through the override', async () => {
		const proxy = 'http://localhost:8089/sendbird/platform/v1';
		const scope = nock('http://localhost:8089', { reqheaders: { sendbirddeskapitoken: API_TOKEN } });
		const requests = recordRequests(scope);
		scope
			.get('/sendbird/platform/v1/agents').query({ limit: '500' })
			.reply(200, page(listOf(500), `${ORIGIN}${API_PATH}/agents?limit=500&offset=500`))
			.get('/sendbird/platform/v1/agents').query({ limit: '500', offset: '500' })
			.reply(200, page(listOf(1, 501)));

		const { items } = await runNode(sendbird, {
			parameters: { resource: 'agent', operation: 'getAll', returnAll: true },
			credentials: { sendbirdDeskApi: { ...credentials.sendbirdDeskApi, baseUrl: `${proxy}/` } },
		});

		expect(items).toHaveLength(501);
		expect(requests.map((request) => request.path)).toEqual([
			'/sendbird/platform/v1/agents?limit=500',
			'/sendbird/platform/v1/agents?limit=500&offset=500',
		]);
	});
});
