import { WindowLength } from '../../nodes/shared/windowLength';

const T = Date.UTC(2026, 10, 21, 12, 0, 0);

describe('WindowLength › the windows of a server that tells their end only with a 429', () => {
	it('learns the length from the first 429 of a window this gate began, Reset rounded up, and predicts the next end', () => {
		const windows = new WindowLength();
		// The window began with a request sent 300 ms past a second: it ends at 60.3 s, its 429 says 61 s.
		expect(windows.begun(T + 300, T + 310, true)).toBeUndefined();
		windows.refused(T + 400, T + 410, T + 61_000, false);
		// 60.7 s from its start to the reopening named: 60 whole seconds. The next window ends
		// at the latest 60 s after its first answer.
		expect(windows.begun(T + 61_000, T + 61_020, true)).toBe(T + 121_020);
	});

	it('a window begun by someone else right after the last end still bounds the length', () => {
		const windows = new WindowLength();
		windows.begun(T, T, false);
		windows.refused(T + 100, T + 100, T + 2_000, false); // the first window ended in (1 s, 2 s]
		windows.begun(T + 2_000, T + 2_000, false); // someone else began the next one, after 1 s at the earliest
		windows.refused(T + 2_500, T + 2_500, T + 4_000, false);
		// At most 3 whole seconds: later than the truth (2 s), never earlier.
		expect(windows.begun(T + 4_000, T + 4_000, false)).toBe(T + 7_000);
	});

	it('forgets a length that predicted an end too early (windows aligned on the clock, not on their first request)', () => {
		const windows = new WindowLength();
		// Windows of 2 s on the clock; the gate's first request came 500 ms into one.
		windows.begun(T + 500, T + 500, true);
		windows.refused(T + 600, T + 600, T + 2_000, false); // looks like 1 s
		expect(windows.begun(T + 2_000, T + 2_000, true)).toBe(T + 3_000);
		// The request sent at the predicted end is refused: the window lasts until 4 s.
		windows.refused(T + 3_000, T + 3_000, T + 4_000, true);
		expect(windows.begun(T + 4_000, T + 4_000, true)).toBe(T + 6_000);
	});
});
