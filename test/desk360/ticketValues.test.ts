import { desk360TimeToIso, readableTicket } from '../../nodes/Desk360/shared/ticketValues';

describe('Desk360 › readable ticket values', () => {
	it('names status and priority next to the numbers, and keeps unknown codes visible', () => {
		expect(readableTicket({ id: 1, status: 2, priority: 3 })).toEqual({
			id: 1,
			status: 2,
			status_name: 'Waiting',
			priority: 3,
			priority_name: 'Urgent',
		});
		expect(readableTicket({ status: 7, priority: null })).toEqual({
			status: 7,
			status_name: 'Unknown (7)',
			priority: null,
			priority_name: null,
		});
	});

	it.each([
		['2021-01-17 15:58:41', 'UTC', '2021-01-17T15:58:41.000Z'],
		['2021-01-17 15:58:41', 'Europe/Istanbul', '2021-01-17T12:58:41.000Z'],
		// Both sides of a daylight-saving change.
		['2026-03-29 01:30:00', 'Europe/Berlin', '2026-03-29T00:30:00.000Z'],
		['2026-03-29 03:30:00', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
		['2026-10-25 12:00:00', 'America/New_York', '2026-10-25T16:00:00.000Z'],
	])('reads %p in %s as %s', (value, zone, iso) => {
		expect(desk360TimeToIso(value, zone)).toBe(iso);
	});

	it.each([undefined, null, '', 'yesterday', '2021-13-45 99:99:99x', '2021-02-30 10:00:00', '2021-01-01 24:00:00'])('gives null for %p', (value) => {
		expect(desk360TimeToIso(value)).toBeNull();
	});
});
