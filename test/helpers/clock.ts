import { cancellationError, clock } from '../../nodes/shared/clock';

/**
 * Replaces the clock the rate-limit code waits on: sleeps return at once and
 * move virtual time to their wake-up time (concurrent sleepers share one
 * timeline), and each wait is recorded for assertions. A sleep whose signal
 * aborts ends with n8n's cancellation error, as n8n's own sleeps do.
 */
export function useVirtualClock(start = Date.UTC(2026, 10, 21, 12, 0, 0)) {
	const original = { ...clock };
	const state = { now: start, sleeps: [] as number[] };
	clock.now = () => state.now;
	clock.sleep = async (ms: number, signal?: AbortSignal) => {
		if (signal?.aborted) throw cancellationError(signal);
		state.sleeps.push(ms);
		const wakeAt = state.now + Math.max(0, ms);
		await new Promise((resolve) => setImmediate(resolve));
		if (signal?.aborted) throw cancellationError(signal);
		state.now = Math.max(state.now, wakeAt);
	};
	return {
		state,
		restore() {
			Object.assign(clock, original);
		},
	};
}
