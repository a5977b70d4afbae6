import { API_PATH, API_TOKEN, listOf, page, run, sendbirdApi } from './fixtures';
import { useVirtualClock } from '../helpers/clock';
import { failureOf, recordRequests } from '../helpers/expectations';

const note = {
	id: 51,
	ticket_id: 12512,
	note: 'need to transfer to sales',
	requestedFrom: 'PLATFORM_API',
	createdBy: null,
	createdAt: '2019-07-18T09:13:44.846926Z',
	updatedAt: '2019-07-18T09:13:44.846926Z',
};

const notes = `${API_PATH}/ticket_notes`;

describe('Sendbird Desk › Ticket Note', () => {
	describe('Get Many', () => {
		it('sends GET /ticket_notes with the token, a page of 100 and the dates; one item per note', async () => {
			const scope = sendbirdApi();
			const requests = recordRequests(scope);
			scope
				.get(notes)
				.query({ limit: '100', start_date: '2026-01-03', end_date: '2026-03-03' })
				.reply(200, page([note, { ...note, id: 52 }]));

			const { items } = await run('ticketNote', 'getAll', {
				returnAll: true,
				filters: { startDate: '2026-01-03', endDate: '2026-03-03T23:30:00' },
			});

			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('GET');
			expect(requests[0].headers.sendbirddeskapitoken).toBe(API_TOKEN);
			expect(items.map((item) => item.json)).toEqual([note, { ...note, id: 52 }]);
			expect(items[1].pairedItem).toEqual({ item: 0 });
		});

		it('sends no dates when none are set (Sendbird then takes the last 30 days)', async () => {
			const scope = sendbirdApi().get(notes).query({ limit: '100' }).reply(200, page([]));
			const { items } = await run('ticketNote', 'getAll', { returnAll: true, filters: {} });
			expect(scope.isDone()).toBe(true);
			expect(items).toEqual([]);
		});

		it('asks for only as many notes as the Limit when it is under 100', async () => {
			const scope = sendbirdApi().get(notes).query({ limit: '7' }).reply(200, page(listOf(7)));
			const { items } = await run('ticketNote', 'getAll', { returnAll: false, limit: 7 });
			expect(scope.isDone()).toBe(true);
			expect(items).toHaveLength(7);
		});

		it('accepts a range of exactly one year', async () => {
			const scope = sendbirdApi()
				.get(notes)
				.query({ limit: '100', start_date: '2025-03-03', end_date: '2026-03-03' })
				.reply(200, page([note]));
			await run('ticketNote', 'getAll', { returnAll: true, filters: { startDate: '2025-03-03', endDate: '2026-03-03' } });
			expect(scope.isDone()).toBe(true);
		});

		it.each([
			[{ startDate: '03/01/2026' }, 'Start Date must be a date as YYYY-MM-DD (found: "03/01/2026")'],
			[{ endDate: '2026-02-30' }, 'End Date must be a date as YYYY-MM-DD (found: "2026-02-30")'],
			[
				{ startDate: '2026-03-01', endDate: '2026-02-01' },
				'End Date must not be before Start Date (2026-03-01) (found: "2026-02-01")',
			],
			[
				{ startDate: '2025-03-02', endDate: '2026-03-03' },
				'Start Date must be at most one year before End Date (2026-03-03) (found: "2025-03-02")',
			],
			[
				{ startDate: '2024-02-29', endDate: '2025-03-01' },
				'Start Date must be at most one year before End Date (2025-03-01) (found: "2024-02-29")',
			],
		])('refuses the filters %p before sending anything', async (filters, message) => {
			// No HTTP mock: a request would fail with a network error instead.
			const error = await failureOf(run('ticketNote', 'getAll', { returnAll: true, filters }));
			expect(error.message).toBe(message);
		});

		it('refuses a start date more than a year before today when the end date is empty', async () => {
			const virtual = useVirtualClock(Date.UTC(2026, 10, 21, 12));
			try {
				const error = await failureOf(run('ticketNote', 'getAll', { returnAll: true, filters: { startDate: '2025-11-20' } }));
				expect(error.message).toBe(
					'Start Date must be at most one year before today (2026-11-21; End Date is empty) (found: "2025-11-20")',
				);

				const scope = sendbirdApi()
					.get(notes)
					.query({ limit: '100', start_date: '2025-11-21' })
					.reply(200, page([note]));
				await run('ticketNote', 'getAll', { returnAll: true, filters: { startDate: '2025-11-21' } });
				expect(scope.isDone()).toBe(true);
			} finally {
				virtual.restore();
			}
		});

		it.each([0, -3, 2.5, 'ten'])('refuses the Limit %p before sending anything', async (limit) => {
			const error = await failureOf(run('ticketNote', 'getAll', { returnAll: false, limit: `={{ ${JSON.stringify(limit)} }}` }));
			expect(error.message).toBe(`Limit must be a whole number of at least 1 (found: ${JSON.stringify(limit)})`);
		});
	});

	describe('Create', () => {
		it('posts {ticketId, note} as JSON with the token and outputs the created note', async () => {
			const created = { ...note, ticketId: 12512, note: 'first thing back in office next monday' };
			const scope = sendbirdApi();
			const requests = recordRequests(scope);
			scope.post(notes).reply(200, created);

			const { items } = await run('ticketNote', 'create', {
				ticketId: ' 12512 ',
				note: 'first thing back in office next monday',
			});

			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('POST');
			expect(requests[0].path).toBe(notes);
			expect(requests[0].body).toEqual({ ticketId: 12512, note: 'first thing back in office next monday' });
			expect(requests[0].headers['content-type']).toContain('application/json');
			expect(requests[0].headers.sendbirddeskapitoken).toBe(API_TOKEN);
			expect(items.map((item) => item.json)).toEqual([created]);
		});

		it.each([
			[{ note: '   ' }, 'Note is required and is empty'],
			[{ ticketId: '' }, 'Ticket is required and is empty'],
			[{ ticketId: '12a' }, 'Ticket must be a positive whole number (an ID) (found: "12a")'],
			[{ ticketId: '0' }, 'Ticket must be a positive whole number (an ID) (found: "0")'],
			[{ ticketId: '-4' }, 'Ticket must be a positive whole number (an ID) (found: "-4")'],
		])('refuses %p before sending anything', async (override, message) => {
			const error = await failureOf(run('ticketNote', 'create', { ticketId: '12512', note: 'hello', ...override }));
			expect(error.message).toBe(message);
		});

		it('creates one note per input item, each with its own ticket', async () => {
			const scope = sendbirdApi();
			const requests = recordRequests(scope);
			scope
				.post(notes, { ticketId: 1, note: 'for 1' }).reply(200, { ...note, id: 1 })
				.post(notes, { ticketId: 2, note: 'for 2' }).reply(200, { ...note, id: 2 });

			const { items } = await run(
				'ticketNote',
				'create',
				{ ticketId: '={{ $json.ticket }}', note: '={{ "for " + $json.ticket }}' },
				[{ json: { ticket: 1 } }, { json: { ticket: 2 } }],
			);

			expect(requests).toHaveLength(2);
			expect(items.map((item) => [item.json.id, item.pairedItem])).toEqual([
				[1, { item: 0 }],
				[2, { item: 1 }],
			]);
		});
	});

	describe('Update', () => {
		it('sends PATCH /ticket_notes/:id with {note} and outputs the updated note', async () => {
			const updated = { ...note, note: 'issue resolved on monday' };
			const scope = sendbirdApi();
			const requests = recordRequests(scope);
			scope.patch(`${notes}/51`).reply(200, updated);

			const { items } = await run('ticketNote', 'update', { noteId: '51', note: 'issue resolved on monday' });

			expect(requests.map((request) => [request.method, request.path, request.body])).toEqual([
				['PATCH', `${notes}/51`, { note: 'issue resolved on monday' }],
			]);
			expect(items.map((item) => item.json)).toEqual([updated]);
		});

		it.each([
			[{ note: '' }, 'Note is required and is empty'],
			[{ noteId: '' }, 'Ticket Note ID is required and is empty'],
			[{ noteId: '51/../../agents' }, 'Ticket Note ID must be a positive whole number (an ID) (found: "51/../../agents")'],
		])('refuses %p before sending anything', async (override, message) => {
			const error = await failureOf(run('ticketNote', 'update', { noteId: '51', note: 'text', ...override }));
			expect(error.message).toBe(message);
		});
	});

	describe('Delete', () => {
		it('sends DELETE /ticket_notes/:id and outputs {id}', async () => {
			const scope = sendbirdApi();
			const requests = recordRequests(scope);
			scope.delete(`${notes}/51`).reply(200, { id: 51 });

			const { items } = await run('ticketNote', 'delete', { noteId: '={{ 51 }}' });

			expect(requests.map((request) => [request.method, request.path])).toEqual([['DELETE', `${notes}/51`]]);
			expect(items.map((item) => item.json)).toEqual([{ id: 51 }]);
		});

		it('refuses a note ID that is not a number', async () => {
			const error = await failureOf(run('ticketNote', 'delete', { noteId: 'abc' }));
			expect(error.message).toBe('Ticket Note ID must be a positive whole number (an ID) (found: "abc")');
		});
	});
});
