import { clock } from '../../nodes/shared/clock';

/**
 * Replaces the clock the rate-limit code waits on: sleeps return at once and
 * move virtual time forward, and each wait is recorded for assertions.
 */
export function useVirtualClock(start = Date.UTC(2026, 10, 21, 12, 0, 0)) {
	const original = { ...clock };
	const state = { now: start, sleeps: [] as number[] };
	clock.now = () => state.now;
	clock.sleep = async (ms: number) => {
		state.sleeps.push(ms);
		state.now += Math.max(0, ms);
		await new Promise((resolve) => setImmediate(resolve));
	};
	return {
		state,
		restore() {
			Object.assign(clock, original);
		},
	};
}
