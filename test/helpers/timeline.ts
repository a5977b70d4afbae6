import { cancellationError, clock } from '../../nodes/shared/clock';
import { RateGate, type Turn } from '../../nodes/shared/rateGate';

async function nextRound(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Counts the requests the rate gates let out and have not had the answer of yet. */
function countRequestsInFlight() {
	const { acquire, release } = RateGate.prototype;
	let inFlight = 0;
	/** Requests on their way to or from the server (`travel`): they wait for time to pass, like any sleeper. */
	let travelling = 0;
	RateGate.prototype.acquire = async function (this: RateGate, signal?: AbortSignal, turn?: () => Turn) {
		const slot = await acquire.call(this, signal, turn ?? (() => 'go'));
		// No slot: the request left the queue without going out.
		if (slot) inFlight++;
		return slot;
	} as RateGate['acquire'];
	RateGate.prototype.release = function (this: RateGate, ...args: Parameters<RateGate['release']>) {
		inFlight--;
		release.apply(this, args);
	};
	return {
		busy: () => inFlight > travelling,
		async travel(ms: number) {
			travelling++;
			try {
				await clock.sleep(ms);
			} finally {
				travelling--;
			}
		},
		restore() {
			Object.assign(RateGate.prototype, { acquire, release });
		},
	};
}

/**
 * A virtual clock with one timeline: sleepers wake one at a time in the order of
 * their wake-up times, and time moves only while no request is in flight (a
 * request takes no time), so concurrent waits (two accounts, many items) interleave exactly as their
 * wake-up times say. Nothing really sleeps. A sleep ends with n8n's
 * cancellation error when its signal aborts. Unlike `useVirtualClock`, which
 * wakes every sleeper of a turn together, it keeps the time of each request exact.
 * A server that answers through `travel(ms)` (on the way in, and again on the
 * way back) gives its requests a round trip.
 */
export function useTimeline(start = Date.UTC(2026, 10, 21, 12, 0, 0)) {
	const original = { ...clock };
	const requests = countRequestsInFlight();
	const state = { now: start };
	const sleepers: Array<{ at: number; order: number; wake: () => void }> = [];
	let order = 0;
	let running = false;

	async function run() {
		if (running) return;
		running = true;
		while (sleepers.length > 0) {
			do await nextRound();
			while (requests.busy());
			sleepers.sort((a, b) => a.at - b.at || a.order - b.order);
			const next = sleepers.shift();
			if (!next) break;
			state.now = Math.max(state.now, next.at);
			next.wake();
		}
		running = false;
	}

	clock.now = () => state.now;
	clock.sleep = async (ms: number, signal?: AbortSignal) =>
		await new Promise<void>((wake, fail) => {
			if (signal?.aborted) return fail(cancellationError(signal));
			const sleeper = { at: state.now + Math.max(0, ms), order: order++, wake };
			signal?.addEventListener(
				'abort',
				() => {
					const index = sleepers.indexOf(sleeper);
					if (index >= 0) sleepers.splice(index, 1);
					fail(cancellationError(signal));
				},
				{ once: true },
			);
			sleepers.push(sleeper);
			void run();
		});
	return {
		state,
		/** Time on the network, in a server's answer: time moves on meanwhile. */
		travel: requests.travel,
		restore() {
			Object.assign(clock, original);
			requests.restore();
		},
	};
}
