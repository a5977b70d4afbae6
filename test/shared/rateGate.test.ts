/**
 * The rate gate alone, on a clock the test moves by hand: requests are let out
 * (acquire) and answered (release) in exactly the order a case needs, including
 * answers that come back out of order.
 */
import { getEventListeners } from 'node:events';

import { cancellationError, clock } from '../../nodes/shared/clock';
import { RateGate, type GateSlot, type Turn } from '../../nodes/shared/rateGate';

const T = Date.UTC(2026, 10, 21, 12, 0, 0);
const original = { ...clock };
let now: number;
let sleepers: Array<{ at: number; wake: () => void }>;

beforeEach(() => {
	now = T;
	sleepers = [];
	clock.now = () => now;
	clock.sleep = async (ms: number, signal?: AbortSignal) =>
		await new Promise<void>((wake, fail) => {
			const sleeper = { at: now + ms, wake };
			sleepers.push(sleeper);
			signal?.addEventListener('abort', () => {
				sleepers.splice(sleepers.indexOf(sleeper), 1);
				fail(cancellationError(signal));
			});
		});
});
afterEach(() => Object.assign(clock, original));

/** Moves the clock to `to`, waking each sleeper due on the way at its own time. */
async function advanceTo(to: number) {
	for (;;) {
		await new Promise((resolve) => setImmediate(resolve));
		const due = sleepers.filter((sleeper) => sleeper.at <= to).sort((a, b) => a.at - b.at)[0];
		if (!due) break;
		sleepers.splice(sleepers.indexOf(due), 1);
		now = Math.max(now, due.at);
		due.wake();
	}
	now = to;
	await new Promise((resolve) => setImmediate(resolve));
}

/** Asks for `count` turns; `slots` fills as the gate lets them out. */
function ask(gate: RateGate, count: number) {
	const slots: GateSlot[] = [];
	for (let i = 0; i < count; i++) void gate.acquire().then((slot) => slots.push(slot));
	return slots;
}

const answer = (remaining: number, resetAt = T + 2_000) => ({ limit: 20, remaining, resetAt });

describe('RateGate › budget from X-RateLimit-Remaining', () => {
	it('answers that come back out of order do not shrink the budget for good', async () => {
		const gate = new RateGate();
		const probe = await gate.acquire();
		gate.release(probe, answer(19));
		const first = ask(gate, 10);
		await advanceTo(T);
		expect(first).toHaveLength(10);
		// The server counted them in order (18 left after the first, 9 after the last); the
		// answers come back last first.
		for (let i = 9; i >= 0; i--) gate.release(first[i], answer(18 - i));

		// 9 left: the next 9 go at once, none of them alone to ask again.
		const next = ask(gate, 9);
		await advanceTo(T);
		expect(next).toHaveLength(9);
		expect(next.every((slot) => !slot.probe)).toBe(true);
	});

	it("its own request that lands in the next window is not taken for someone else's spending", async () => {
		const gate = new RateGate();
		const probe = await gate.acquire();
		gate.release(probe, answer(1));
		const lastOfWindow = ask(gate, 1);
		// The last of the window is still out when the window ends; 30 wait for the next.
		const waiting = ask(gate, 30);
		await advanceTo(T + 2_000);
		const [late] = lastOfWindow;
		const [asking] = waiting;
		expect(asking.probe).toBe(true);
		// The late request reached the server first, in the new window: 18 left after both.
		gate.release(late, answer(19, T + 4_000));
		gate.release(asking, answer(18, T + 4_000));

		// 18 spread over the 2 s of the window, not 17 (as when leaving the last one to another spender).
		await advanceTo(T + 2_000 + 2_000 / 19 + 1);
		expect(waiting).toHaveLength(2);
		expect(waiting[1].sentAt).toBeCloseTo(T + 2_000 + 2_000 / 19, 3);
	});

	it('leaves the last request of a window to another spender it notices', async () => {
		const gate = new RateGate();
		const probe = await gate.acquire();
		const waiting = ask(gate, 30);
		// Someone else sent one before it in this window.
		gate.release(probe, answer(18));
		await advanceTo(T + 2_000 - 1);
		// 17 of the 18 go, spread over the window (one every 2 s / 18); the 18th is left.
		expect(waiting.map((slot) => slot.sentAt - T)).toEqual(Array.from({ length: 17 }, (_, i) => ((i + 1) * 2_000) / 18).map((ms) => expect.closeTo(ms, 3)));
	});

	it('cancelling the last waiting request stops the pending wake-up', async () => {
		const gate = new RateGate();
		const probe = await gate.acquire();
		gate.release(probe, answer(0));
		const cancel = new AbortController();
		const waiting = gate.acquire(cancel.signal);
		await advanceTo(T);
		expect(sleepers).toHaveLength(1);

		cancel.abort();

		await expect(waiting).rejects.toThrow();
		expect(sleepers).toHaveLength(0);
	});

	it('a wait that fails reaches every waiting request as an error instead of leaving them hanging', async () => {
		const gate = new RateGate();
		const probe = await gate.acquire();
		gate.release(probe, answer(0));
		// As in n8n 2.41, where the wait the package used no longer existed.
		clock.sleep = async () => await Promise.reject(new TypeError('(0 , n8n_workflow_1.sleepWithAbort) is not a function'));
		const waiting = [gate.acquire(), gate.acquire()];

		for (const request of waiting) await expect(request).rejects.toThrow('sleepWithAbort');
	});

	it('requests waiting on one execution hold one abort listener on its signal, none once they went', async () => {
		const gate = new RateGate();
		const probe = await gate.acquire();
		gate.release(probe, answer(0));
		const execution = new AbortController();
		const slots: GateSlot[] = [];
		for (let i = 0; i < 400; i++) void gate.acquire(execution.signal).then((slot) => slots.push(slot));
		await advanceTo(T);
		expect(getEventListeners(execution.signal, 'abort')).toHaveLength(1);

		// Each window lets its budget out; answered at once, until all 400 went.
		let went = 0;
		for (let window = 1; went < 400 && window < 100; window++) {
			await advanceTo(T + window * 2_000);
			for (const slot of slots.splice(0)) {
				went++;
				gate.release(slot, answer(19, T + (window + 1) * 2_000));
			}
		}

		expect(went).toBe(400);
		expect(getEventListeners(execution.signal, 'abort')).toHaveLength(0);
	});
});

describe('RateGate › a request asked at its turn whether it goes', () => {
	it('one that holds keeps its place and goes after the next answer; one that leaves gets no slot', async () => {
		const gate = new RateGate();
		const probe = await gate.acquire();
		gate.release(probe, answer(19));
		let held: Turn = 'hold';
		const order: string[] = [];
		const holding = gate.acquire(undefined, () => held).then((slot) => order.push(`held ${slot ? 'went' : 'left'}`));
		const leaving = gate.acquire(undefined, () => 'leave').then((slot) => order.push(`leaver ${slot ? 'went' : 'left'}`));
		const other = await gate.acquire();
		order.push('other went');
		await leaving;

		held = 'go';
		gate.release(other, answer(18));
		await holding;

		expect(order).toEqual(['leaver left', 'other went', 'held went']);
	});
});

describe('RateGate › X-RateLimit-Reset on every answer, rounded up', () => {
	it('an answer from the server’s next window before the current Reset ends the window: the next request asks alone', async () => {
		const gate = new RateGate();
		const probe = await gate.acquire();
		gate.release(probe, { limit: 10, remaining: 5, resetAt: T + 3_000 });
		// The 5 left go at once as they are asked for; the rest wait for the window that begins at 3 s.
		const slots = ask(gate, 20);
		await advanceTo(T + 700);
		expect(slots.map((slot) => slot.sentAt - T)).toEqual([0, 0, 0, 0, 0]);
		const [first] = slots.splice(0);

		// Answered at 0.7 s with 9 left until 5 s: the window that was to end at 3 s is over.
		gate.release(first, { limit: 10, remaining: 9, resetAt: T + 5_000 });
		await advanceTo(T + 700);

		expect(slots.map((slot) => [slot.sentAt - T, slot.probe])).toEqual([[700, true]]);
	});
});
