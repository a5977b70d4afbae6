import { WindowLength } from '../../nodes/shared/windowLength';

const T = Date.UTC(2026, 10, 21, 12, 0, 0);

describe('WindowLength › the windows of a server that tells their end only with a 429', () => {
	it('learns the length from the first 429, Reset rounded up, and predicts the next end from its first answer', () => {
		const windows = new WindowLength();
		// The window began 300 ms past a second: it ends at 60.3 s; its 429 names 61 s.
		expect(windows.begun(T + 310)).toBeUndefined();
		windows.refused(T + 400, T + 410, T + 61_000);
		expect(windows.begun(T + 61_020)).toBe(T + 121_020);
	});

	it('a length a second short is put right by the 429 of the request sent at the predicted end', () => {
		const windows = new WindowLength();
		// 2 s windows; this one began at 0.95 s and ends at 2.95 s; its 429 names 3 s, but
		// its answer took 300 ms: it shows only that the window lasts more than 0.7 s.
		windows.begun(T + 1_000);
		windows.refused(T + 1_500, T + 1_800, T + 3_000);
		expect(windows.begun(T + 3_010)).toBe(T + 4_010);
		// Sent at the predicted end, refused: the window was open at 4.01 s, more than 1 s after its first answer.
		windows.refused(T + 4_010, T + 4_020, T + 5_000);
		expect(windows.begun(T + 5_010)).toBe(T + 7_010);
	});

	it('holds for windows begun by someone else, and for windows aligned on the clock', () => {
		const windows = new WindowLength();
		// 2 s windows on the clock; this gate's first answer came 500 ms into one.
		windows.begun(T + 500);
		windows.refused(T + 600, T + 610, T + 2_000);
		// More than 0.39 s: 1 s, too short...
		expect(windows.begun(T + 2_010)).toBe(T + 3_010);
		// ...which the request sent at 3.01 s shows: open then, more than 1 s after 2.01 s.
		windows.refused(T + 3_010, T + 3_020, T + 4_000);
		expect(windows.begun(T + 4_010)).toBe(T + 6_010);
	});
});

describe('WindowLength › the windows of a server that sends its Reset on every answer', () => {
	it('a Reset rounded up: the window lasts more than from its first answer to a second before the Reset', () => {
		const windows = new WindowLength();
		// 2 s windows from their first request: this one is [0.305 s, 2.305 s), its Reset says 3 s.
		windows.begun(T + 310);
		windows.resetSaid(T + 3_000);
		expect(windows.endsBy()).toBe(T + 2_310);
	});

	it('a Reset that is exact (windows on the clock) shows a second less; the request sent at that end finds the window open, which gives the whole length', () => {
		const windows = new WindowLength();
		// 2 s windows on the clock: this gate's first answer came 310 ms into [0 s, 2 s).
		windows.begun(T + 310);
		windows.resetSaid(T + 2_000);
		expect(windows.endsBy()).toBe(T + 1_310);
		windows.stillOpen(T + 1_310);
		expect(windows.endsBy()).toBe(T + 2_310);
		// From then on the Reset is the sooner end.
		windows.begun(T + 2_010);
		windows.resetSaid(T + 4_000);
		expect(windows.endsBy()).toBe(T + 4_010);
	});
});
