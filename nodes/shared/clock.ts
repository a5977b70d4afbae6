import { ManualExecutionCancelledError, sleepWithAbort } from 'n8n-workflow';

/**
 * The one source of time for waiting on rate limits and retries. Tests swap
 * `sleep` and `now` for a virtual clock so that "wait 60 seconds" costs nothing.
 * A sleep ends early, with n8n's cancellation error, when `signal` aborts (the
 * execution was cancelled).
 */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number, signal?: AbortSignal): Promise<void> => await sleepWithAbort(ms, signal),
};

/** The error a wait ends with when the execution is cancelled, as n8n's own sleeps end. */
export function cancellationError(signal: AbortSignal): Error {
	return signal.reason instanceof Error ? signal.reason : new ManualExecutionCancelledError('');
}
