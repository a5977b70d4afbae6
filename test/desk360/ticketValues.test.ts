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

	it('reads back every minute around each offset change of 2026, in zones with odd offsets too', () => {
		const zones = ['Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu'];
		const HOUR = 3_600_000;
		for (const timeZone of zones) {
			const format = new Intl.DateTimeFormat('en-CA', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
			});
			// The zone's wall clock at an instant, as Desk360 writes it.
			const wallAt = (ms: number) => format.format(new Date(ms)).replace(', ', ' ');
			const offsetAt = (ms: number) => Date.parse(`${wallAt(ms).replace(' ', 'T')}Z`) - ms;
			const start = Date.UTC(2026, 0, 1);
			let checked = 0;
			for (let hour = start; hour < start + 365 * 24 * HOUR; hour += HOUR) {
				if (offsetAt(hour) === offsetAt(hour + HOUR)) continue;
				for (let ms = hour - HOUR; ms <= hour + 2 * HOUR; ms += 60_000) {
					const wall = wallAt(ms);
					// A wall time the fall-back hour shows twice may be read as either instant: it must show the same wall time.
					expect(wallAt(Date.parse(desk360TimeToIso(wall, timeZone)!))).toBe(wall);
					checked++;
				}
			}
			// Kathmandu keeps +05:45 all year: its minutes are checked by the cases above.
			if (timeZone !== 'Asia/Kathmandu') expect(checked).toBeGreaterThan(0);
		}
		expect(desk360TimeToIso('2026-06-01 12:00:00', 'Asia/Kathmandu')).toBe('2026-06-01T06:15:00.000Z');
	});
});
