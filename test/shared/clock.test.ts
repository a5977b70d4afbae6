/**
 * The package's one wait, on n8n-workflow's `sleep` (the only timer a community
 * node may use, in every n8n version): jest's fake timers stand in for time.
 */
import { getEventListeners } from 'node:events';

import { ManualExecutionCancelledError } from 'n8n-workflow';

import { clock } from '../../nodes/shared/clock';

beforeEach(() => jest.useFakeTimers({ now: Date.UTC(2026, 11, 2, 12, 0, 0) }));
afterEach(() => jest.useRealTimers());

/** Settles `promise` and reports how, without letting a rejection escape. */
function watch(promise: Promise<void>) {
	const state: { done: boolean; error?: unknown } = { done: false };
	promise.then(
		() => (state.done = true),
		(error: unknown) => Object.assign(state, { done: true, error }),
	);
	return state;
}

describe('clock.sleep', () => {
	it('waits the whole time, in slices of at most a second', async () => {
		const wait = watch(clock.sleep(60_000, new AbortController().signal));
		await jest.advanceTimersByTimeAsync(59_999);
		expect(wait.done).toBe(false);
		expect(jest.getTimerCount()).toBe(1);
		await jest.advanceTimersByTimeAsync(1);
		expect(wait).toEqual({ done: true });
	});

	it('ends at once with n8n’s cancellation error when the execution is cancelled, leaving under a second of timer behind', async () => {
		const cancel = new AbortController();
		const wait = watch(clock.sleep(60_000, cancel.signal));
		await jest.advanceTimersByTimeAsync(10_500);
		cancel.abort();
		await jest.advanceTimersByTimeAsync(0);
		expect(wait.done).toBe(true);
		expect(wait.error).toBeInstanceOf(ManualExecutionCancelledError);
		await jest.advanceTimersByTimeAsync(1_000);
		expect(jest.getTimerCount()).toBe(0);
	});

	it('refuses to start on a cancelled execution', async () => {
		const cancel = new AbortController();
		cancel.abort(new Error('stopped by the user'));
		await expect(clock.sleep(1_000, cancel.signal)).rejects.toThrow('stopped by the user');
	});

	it('holds one abort listener on the execution’s signal however many requests wait, none when they are done', async () => {
		const execution = new AbortController();
		const waits = Array.from({ length: 400 }, (_, index) => watch(clock.sleep(1_000 + index, execution.signal)));
		expect(getEventListeners(execution.signal, 'abort')).toHaveLength(1);
		await jest.advanceTimersByTimeAsync(2_000);
		expect(waits.every((wait) => wait.done && wait.error === undefined)).toBe(true);
		expect(getEventListeners(execution.signal, 'abort')).toHaveLength(0);
	});
});
