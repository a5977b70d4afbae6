import { sleep } from 'n8n-workflow';

/**
 * The one source of time for waiting on rate limits. Tests swap `sleep` and `now`
 * for a virtual clock so that "wait 60 seconds" costs nothing.
 */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => await sleep(ms),
};
