import nock from 'nock';

import { desk360, desk360Api, product, tokenCredentials } from '../desk360/fixtures';
import { failureOf, recordRequests } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';
import { API_PATH, page, run as runSendbird, sendbirdApi } from '../sendbird/fixtures';

/** The two nodes' date filters, run with `endDate`; each answers the query it sent. */
const nodes = {
	desk360: async (endDate: string) => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.get('/v1/products/12/tickets').query(true).reply(200, []);
		await runNode(desk360, {
			parameters: { resource: 'ticket', operation: 'getAll', product: product(12), returnAll: true, filters: { endDate } },
			credentials: tokenCredentials,
		});
		return requests.map((request) => new URL(request.path, 'http://x').searchParams.get('end_date'));
	},
	sendbird: async (endDate: string) => {
		const scope = sendbirdApi();
		const requests = recordRequests(scope);
		scope.get(`${API_PATH}/ticket_notes`).query(true).reply(200, page([]));
		await runSendbird('ticketNote', 'getAll', { returnAll: true, filters: { endDate, startDate: '2026-01-01' } });
		return requests.map((request) => new URL(request.path, 'http://x').searchParams.get('end_date'));
	},
};

describe.each(Object.entries(nodes))('%s date filters', (_name, runWith) => {
	afterEach(() => nock.cleanAll());

	it.each([
		['a plain date', '2026-01-31'],
		['an ISO date-time (its date as written)', '2026-01-31T23:30:00.000+01:00'],
		['a date and time with a space', '2026-01-31 10:00:00'],
		['a Luxon expression', '={{ DateTime.fromISO("2026-01-31T08:00:00") }}'],
		['a formatted expression', '={{ DateTime.fromISO("2026-02-07").minus({ days: 7 }).toISODate() }}'],
	])('takes %s and sends 2026-01-31', async (_case, endDate) => {
		expect(await runWith(endDate)).toEqual(['2026-01-31']);
	});

	it.each(['31.01.2026', 'yesterday', '2026-02-30'])('refuses %p before sending anything, instead of running unfiltered', async (endDate) => {
		const error = await failureOf(runWith(endDate));
		expect(error.message).toBe(`End Date must be a date as YYYY-MM-DD (found: "${endDate}")`);
	});
});
