import { ManualExecutionCancelledError, sleep } from 'n8n-workflow';

import { onAbort } from './abortWatch';

/**
 * Longest single timer of a wait. n8n-workflow's `sleep` is the one timer a
 * community node may use and cannot be cleared (`sleepWithAbort` left
 * n8n-workflow in 2.34): a wait is a row of short sleeps, so a cancelled wait
 * leaves at most this much of a timer behind.
 */
const SLICE_MS = 1_000;

/**
 * The one source of time for waiting on rate limits and retries. Tests swap
 * `sleep` and `now` for a virtual clock so that "wait 60 seconds" costs nothing.
 * A sleep ends early, with n8n's cancellation error, when `signal` aborts (the
 * execution was cancelled).
 */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number, signal?: AbortSignal): Promise<void> => await abortableSleep(ms, signal),
};

async function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
	if (signal?.aborted) throw cancellationError(signal);
	let stopWatching = () => {};
	const aborted = new Promise<never>((_resolve, reject) => {
		if (signal) stopWatching = onAbort(signal, () => reject(cancellationError(signal)));
	});
	try {
		const until = Date.now() + ms;
		for (let rest = ms; rest > 0; rest = until - Date.now()) {
			await Promise.race([sleep(Math.min(rest, SLICE_MS)), aborted]);
		}
	} finally {
		stopWatching();
	}
}

/** The error a wait ends with when the execution is cancelled, as n8n's own sleeps end. */
export function cancellationError(signal: AbortSignal): Error {
	return signal.reason instanceof Error ? signal.reason : new ManualExecutionCancelledError('');
}
