import type { IDataObject } from 'n8n-workflow';

import { RETRY_WINDOW_MS } from '../../nodes/SendbirdDeskTrigger/deliveries';
import { MAX_BODY_DEPTH } from '../../nodes/shared/webhookBody';
import { useVirtualClock } from '../helpers/clock';
import { followNext, insideLists, insideObjects } from '../helpers/nesting';
import { captureLifecycleLog, runWebhookMethod, WEBHOOK_ID } from '../helpers/webhook';
import { credentials, deliver, delivery, sendbirdTrigger, signed, STARTED } from './fixtures';
import { failureOf } from '../helpers/expectations';

const RETRIED = { message: 'Received again: Sendbird retried a delivery that already started the workflow. No second workflow was started.' };

describe('Sendbird Desk Trigger › events', () => {
	it('puts the event name, the delivery’s fields and ISO timestamps in one item', async () => {
		const clock = useVirtualClock(Date.UTC(2026, 10, 21, 12, 0, 0));
		try {
			const body = JSON.stringify({
				event: 'ticket.created',
				occurredAt: 1_763_726_400_123,
				created_at: 1_763_726_400,
				updatedAt: '2025-11-21T15:00:00+03:00',
				closed_at: null,
				format: 'json',
				ticket: { id: 12501, createdAt: '2025-11-21T12:00:00.123Z' },
			});

			const run = await deliver(body);

			expect(run.items).toEqual([
				{
					json: {
						event: 'ticket.created',
						occurredAt: 1_763_726_400_123,
						occurredAtIso: '2025-11-21T12:00:00.123Z',
						created_at: 1_763_726_400,
						created_at_iso: '2025-11-21T12:00:00.000Z',
						updatedAt: '2025-11-21T15:00:00+03:00',
						updatedAtIso: '2025-11-21T12:00:00.000Z',
						closed_at: null,
						format: 'json',
						ticket: { id: 12501, createdAt: '2025-11-21T12:00:00.123Z' },
						receivedAt: '2026-11-21T12:00:00.000Z',
					},
				},
			]);
		} finally {
			clock.restore();
		}
	});

	it.each([
		['event', { event: 'TICKET.CLOSED' }, 'TICKET.CLOSED'],
		['eventType', { eventType: 'ticket_closed' }, 'ticket_closed'],
		['event_type', { event_type: 'closed' }, 'closed'],
		['type', { type: 'CLOSED' }, 'CLOSED'],
		['category', { category: 'desk:ticket_closed' }, 'desk:ticket_closed'],
		['none of them', { ticket: { id: 1 } }, null],
	])('reads the event name from %s', async (_case, payload, name) => {
		const run = await deliver(JSON.stringify(payload));

		expect(run.items[0].json.event).toBe(name);
	});

	it('gives the item only its own keys: a __proto__ key never reaches its prototype', async () => {
		const run = await deliver('{"event": "ticket.created", "__proto__": {"polluted": true}, "ticket": {"__proto__": {"isAdmin": true}}}');

		const { json } = run.items[0];
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
		expect(json.polluted).toBeUndefined();
		expect((json.ticket as IDataObject).isAdmin).toBeUndefined();
		expect(Object.keys(json)).not.toContain('__proto__');
	});
});

describe('Sendbird Desk Trigger › event filter', () => {
	it('starts for the chosen names, in any case', async () => {
		const run = await deliver(delivery('TICKET.Created'), { parameters: { events: 'ticket.closed, ticket.created' } });

		expect(run.items).toHaveLength(1);
	});

	it.each([
		['another event', delivery('ticket.assigned')],
		['a delivery without an event name', JSON.stringify({ ticket: { id: 1 } })],
	])('answers 200 and starts nothing for %s', async (_case, body) => {
		const run = await deliver(body, { parameters: { events: 'ticket.closed\nticket.created' } });

		expect(run.status).toBe(200);
		expect(run.body).toEqual({ message: expect.stringMatching(/^Received\. The event .* is not chosen in the Sendbird Desk Trigger: no workflow was started\.$/) });
		expect(run.items).toEqual([]);
	});
});

describe('Sendbird Desk Trigger › bad bodies', () => {
	it.each([
		['an empty body', '', 'the body is empty'],
		['text that is not JSON', 'event=ticket.created', 'the body is not JSON'],
		['a JSON list', '[{"event": "ticket.created"}]', 'the body is a list, not a JSON object'],
		['a JSON string', '"ticket.created"', 'the body is a string, not a JSON object'],
		['JSON null', 'null', 'the body is null, not a JSON object'],
	])('answers 400 to %s, signed, and starts nothing', async (_case, body, problem) => {
		const run = await deliver(body, { contentType: 'text/plain' });

		expect(run.status).toBe(400);
		expect(run.body).toEqual({ message: `Not a Sendbird Desk webhook: ${problem}. No workflow was started.` });
		expect(run.items).toEqual([]);
	});
});

describe('Sendbird Desk Trigger › deeply nested bodies', () => {
	const TOO_DEEP = { message: `Not a Sendbird Desk webhook: the body nests lists or objects more than ${MAX_BODY_DEPTH} levels deep. No workflow was started.` };
	/** A delivery whose "ticket" holds `value` (at depth 2). */
	const deliveryHolding = (value: string) => `{"event": "ticket.created", "ticket": ${value}}`;

	it.each([
		['2,000 lists', deliveryHolding(insideLists(2000))],
		['2,000 objects', deliveryHolding(insideObjects(2000))],
		['100,000 lists', deliveryHolding(insideLists(100_000))],
		['2,000 objects with a __proto__ key at every level', deliveryHolding('{"__proto__": {"polluted": true}, "next":'.repeat(2000) + '{}' + '}'.repeat(2000))],
	])('answers 400 naming the depth to %s, signed, whatever the content type', async (_case, body) => {
		for (const contentType of ['application/json', 'text/plain', null]) {
			const run = await deliver(body, { contentType });

			expect({ contentType, status: run.status, body: run.body, error: run.error }).toEqual({ contentType, status: 400, body: TOO_DEEP, error: undefined });
			expect(run.items).toEqual([]);
		}
	});

	it('checks the signature over the raw bytes first: a deep body signed wrongly gets 401', async () => {
		const body = deliveryHolding(insideLists(100_000));

		const run = await deliver(body, { headers: { 'x-hub-signature': signed(`${body} `) } });

		expect(run.status).toBe(401);
		expect(run.error).toBeUndefined();
	});

	it(`starts the workflow for a body ${MAX_BODY_DEPTH} levels deep, signed with its __proto__ key, and drops the key`, async () => {
		// Body, the wrappers, then the innermost object and its __proto__ value at depth MAX_BODY_DEPTH.
		const wrappers = MAX_BODY_DEPTH - 3;
		const body = deliveryHolding(insideObjects(wrappers, '{"__proto__": {"polluted": true}, "kept": "yes"}'));

		const run = await deliver(body, { headers: { 'x-hub-signature': signed(body) } });

		expect(run.status).toBe(200);
		const innermost = followNext(run.items[0].json.ticket, wrappers);
		expect(innermost).toEqual({ kept: 'yes' });
		expect(Object.getPrototypeOf(innermost)).toBe(Object.prototype);
		expect(innermost.polluted).toBeUndefined();
	});

	it(`answers 400 to one level more than ${MAX_BODY_DEPTH}`, async () => {
		const run = await deliver(deliveryHolding(insideObjects(MAX_BODY_DEPTH - 2, '{"__proto__": {"polluted": true}, "kept": "yes"}')));

		expect(run.status).toBe(400);
		expect(run.body).toEqual(TOO_DEEP);
	});
});

describe('Sendbird Desk Trigger › retried deliveries', () => {
	it('starts one workflow when Sendbird sends the same delivery again, and answers the retries 200', async () => {
		const staticData: IDataObject = {};
		const body = delivery();

		const runs = [];
		for (let attempt = 0; attempt < 3; attempt++) runs.push(await deliver(body, {}, { staticData }));

		expect(runs.map((run) => [run.status, run.body, run.items.length])).toEqual([
			[200, STARTED, 1],
			[200, RETRIED, 0],
			[200, RETRIED, 0],
		]);
	});

	it('starts one workflow when the retry comes before n8n has saved the first delivery’s static data (n8n 2.41 answers first)', async () => {
		const body = delivery();

		const runs = [];
		// Each request reads the static data as the database still has it: without the first delivery.
		for (let attempt = 0; attempt < 3; attempt++) runs.push(await deliver(body, {}, { staticData: {} }));

		expect(runs.map((run) => [run.status, run.body, run.items.length])).toEqual([
			[200, STARTED, 1],
			[200, RETRIED, 0],
			[200, RETRIED, 0],
		]);
	});

	it('starts again for another delivery, and for the same bytes once the retry window is over', async () => {
		const clock = useVirtualClock();
		try {
			const staticData: IDataObject = {};
			const body = delivery();

			expect((await deliver(body, {}, { staticData })).items).toHaveLength(1);
			expect((await deliver(delivery('ticket.closed'), {}, { staticData })).items).toHaveLength(1);
			clock.state.now += RETRY_WINDOW_MS;
			expect((await deliver(body, {}, { staticData })).items).toHaveLength(1);
		} finally {
			clock.restore();
		}
	});

	it('remembers nothing of a refused delivery: the correctly signed one still starts the workflow', async () => {
		const staticData: IDataObject = {};
		const body = delivery();

		expect((await deliver(body, { headers: { 'x-hub-signature': 'sha1=0000' } }, { staticData })).status).toBe(401);
		expect((await deliver(body, {}, { staticData })).items).toHaveLength(1);
		expect(JSON.stringify(staticData)).not.toContain(signed(body).slice(5));
	});
});

describe('Sendbird Desk Trigger › webhook lifecycle (a URL pasted in the Sendbird Dashboard)', () => {
	it('records the URL to paste on publishing, says where in n8n’s log, and forgets it when unpublished', async () => {
		const staticData: IDataObject = {};
		const setup = { parameters: {}, credentials, staticData };
		const log = captureLifecycleLog();

		expect(await runWebhookMethod(sendbirdTrigger, setup, 'checkExists')).toBe(false);
		expect(await runWebhookMethod(sendbirdTrigger, setup, 'create')).toBe(true);
		log.restore();
		expect(log.messages).toEqual([
			`Sendbird Desk Trigger: Sendbird Desk (Dashboard → Settings → Desk → Webhooks) must call http://localhost:5678/webhook/${WEBHOOK_ID}/webhook (it cannot be registered through an API)`,
		]);
		expect(staticData).toEqual({ 'node:Sendbird Desk Trigger': { pastedWebhookUrl: `http://localhost:5678/webhook/${WEBHOOK_ID}/webhook` } });
		expect(await runWebhookMethod(sendbirdTrigger, setup, 'checkExists')).toBe(true);
		expect(await runWebhookMethod(sendbirdTrigger, setup, 'delete')).toBe(true);
		expect(await runWebhookMethod(sendbirdTrigger, setup, 'checkExists')).toBe(false);
	});

	it.each([
		['without the Sendbird Desk credential', {}, 'The Sendbird Desk credential is not set'],
		['with an empty API token', { sendbirdDeskApi: { applicationId: 'app', apiToken: '', baseUrl: '' } }, 'The API token of the Sendbird Desk credential is empty'],
	])('fails the publishing %s', async (_case, setupCredentials, message) => {
		const error = await failureOf(runWebhookMethod(sendbirdTrigger, { parameters: {}, credentials: setupCredentials }, 'checkExists'));

		expect(error.message).toBe(message);
	});
});
