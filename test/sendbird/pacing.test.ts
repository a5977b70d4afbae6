import { clock } from '../../nodes/shared/clock';
import { useTimeline } from '../helpers/timeline';
import { limitedApi, type LimitedApi } from '../helpers/limitedApi';
import { API_PATH, run, sendbirdApi } from './fixtures';

const WINDOW = 10_000;

let timeline: ReturnType<typeof useTimeline>;
let started: number;

afterEach(() => timeline.restore());

/**
 * Sendbird behind a limit of 4 requests per 10 s window that it does not
 * announce: no X-RateLimit headers, only 429 + Retry-After (whole seconds).
 * The timeline starts `offsetMs` into a window.
 */
function throttledSendbird(offsetMs: number) {
	timeline = useTimeline(Date.UTC(2026, 10, 21, 12, 0, 0) + offsetMs);
	started = timeline.state.now;
	const server = limitedApi({ limit: 4, windowMs: WINDOW, rateHeaders: false, refusal: { message: 'Too many requests.', code: 429100 } });
	const accepted: number[] = [];
	sendbirdApi()
		.persist()
		.post(`${API_PATH}/ticket_notes`)
		.reply((_uri, body) => {
			const answer = server.handle(body);
			if (answer[0] < 400) accepted.push(clock.now() - started);
			return answer;
		});
	return { server, accepted };
}

async function createNotes(count: number) {
	const items = Array.from({ length: count }, (_, index) => ({ json: { note: `Note ${index}` } }));
	return await run('ticketNote', 'create', { ticketId: '12512', note: '={{ $json.note }}' }, items);
}

function notesWritten(server: LimitedApi) {
	return server.stats.accepted.map((body) => (body as { note: string }).note).sort();
}

const allNotes = (count: number) => Array.from({ length: count }, (_, index) => `Note ${index}`).sort();

describe('Sendbird Desk › pacing learned from 429s (no rate headers)', () => {
	it('learns the budget from the first refusals, then spends every later window without a 429', async () => {
		const { server, accepted } = throttledSendbird(0);

		const { items } = await createNotes(20);

		expect(items).toHaveLength(20);
		expect(notesWritten(server)).toEqual(allNotes(20));
		// The first window goes in a burst (nothing is known yet) and ends in 429s...
		expect(accepted.slice(0, 4)).toEqual([0, 0, 0, 0]);
		expect(server.stats.refusedAt.every((at) => at - started < WINDOW)).toBe(true);
		// ...which teach 4 requests per 10 s: from then on, one every 2.5 s while more
		// wait than a window allows; the last 4 fit in one window and go at once.
		expect(accepted.slice(4)).toEqual(
			[10, 12.5, 15, 17.5, 20, 22.5, 25, 27.5, 30, 32.5, 35, 37.5, 40, 40, 40, 40].map((s) => s * 1000),
		);
	});

	it('a rate learned from part of a window is too fast: the next 429 slows it to the real one', async () => {
		// Started 7.5 s into a window: 4 accepted, then refused until 10.5 s (Retry-After
		// rounds up to 3 s), which looks like 4 requests per 3 s.
		const { server, accepted } = throttledSendbird(7_500);

		await createNotes(16);

		expect(notesWritten(server)).toEqual(allNotes(16));
		// The second round of 429s measures a whole window: 4 per 10 s from 13 s on; the
		// last 4 fit in one window and go at once.
		expect(server.stats.refusedAt.every((at) => at - started <= 6_000)).toBe(true);
		expect(accepted.slice(8)).toEqual([13, 15.5, 18, 20.5, 23, 23, 23, 23].map((s) => s * 1000));
	});
});
