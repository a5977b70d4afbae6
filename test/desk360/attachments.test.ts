import nock from 'nock';

import { BASE_URL, desk360Api, loginCredentials } from './fixtures';
import { binaryBytes, itemWithFiles, receivedForm, type ReceivedForm } from './multipart';
import { operationsOf } from './operations';
import { useVirtualClock } from '../helpers/clock';
import { failureOf, recordRequests } from '../helpers/expectations';

const TICKETS = '/v1/products/12/tickets';
const ticketId = { __rl: true, mode: 'id', value: '5' };
const message = { id: 747, agent_id: 74, message: 'See attached', type: 0 };

const invoice = binaryBytes(3000, 1);
const screenshot = binaryBytes(1234, 9);
const files = itemWithFiles({
	invoice: { bytes: invoice, mimeType: 'application/pdf', fileName: 'invoice.pdf' },
	screenshot: { bytes: screenshot, mimeType: 'image/png', fileName: 'screen.png' },
});

const operations = operationsOf('ticket');

function run(operation: string, parameters: Record<string, unknown>, items: unknown[] = [files], credentials?: object) {
	return operations.run(operation, parameters, items, credentials);
}

function describeFiles(form: ReceivedForm) {
	return form.files.map(({ part, fileName, type, size }) => ({ part, fileName, type, size }));
}

const bothFiles = [
	{ part: 'attachments[]', fileName: 'invoice.pdf', type: 'application/pdf', size: 3000 },
	{ part: 'attachments[]', fileName: 'screen.png', type: 'image/png', size: 1234 },
];

describe('Desk360 › ticket attachments', () => {
	describe('Create', () => {
		const fields = {
			customerName: 'Jane Doe',
			email: ' jane@example.com ',
			reason: 3,
			description: 'My order arrived broken',
			status: 2,
		};

		it('sends every field and the files as multipart form data', async () => {
			const scope = desk360Api();
			const requests = recordRequests(scope);
			scope.post(TICKETS).reply(201, { id: 123, status: 2 });

			const { items } = await run('create', {
				...fields,
				additionalFields: {
					assignToAgent: { __rl: true, mode: 'id', value: '7' },
					settings: '{"source": "n8n"}',
					attachments: 'invoice, screenshot',
				},
			});

			expect(requests).toHaveLength(1);
			expect(requests[0].method).toBe('POST');
			expect(requests[0].path).toBe(TICKETS);
			const form = await receivedForm(requests[0]);
			expect(form.contentType).toMatch(/^multipart\/form-data; boundary=/);
			// The fields are checked and normalised as for JSON.
			expect(form.fields).toEqual([
				['assign_to_agent_id', '7'],
				['description', 'My order arrived broken'],
				['email', 'jane@example.com'],
				['name', 'Jane Doe'],
				['reason_id', '3'],
				['settings', '{"source":"n8n"}'],
				['status', '2'],
			]);
			expect(describeFiles(form)).toEqual(bothFiles);
			expect(form.files[0].bytes.equals(invoice)).toBe(true);
			expect(form.files[1].bytes.equals(screenshot)).toBe(true);
			expect(items.map((item) => item.json)).toMatchObject([{ id: 123, status: 2 }]);
		});

		it('stays JSON when Attachments is empty', async () => {
			const scope = desk360Api();
			const requests = recordRequests(scope);
			scope.post(TICKETS).reply(201, { id: 124 });

			await run('create', { ...fields, additionalFields: { attachments: '' } });

			expect(requests[0].headers['content-type']).toContain('application/json');
			expect(requests[0].body).toEqual({
				name: 'Jane Doe',
				email: 'jane@example.com',
				reason_id: 3,
				description: 'My order arrived broken',
				status: 2,
			});
		});

		it('checks the fields before reading the files', async () => {
			const error = await failureOf(run('create', { ...fields, email: 'nope', additionalFields: { attachments: 'missing' } }));
			expect(error.message).toBe('Customer Email must be an email address (found: "nope")');
		});
	});

	it.each([
		['reply', 'Reply', `${TICKETS}/5/reply`],
		['addNote', 'Add Note', `${TICKETS}/5/note`],
	])('%s sends the message and the files as multipart form data', async (operation, _name, path) => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post(path).reply(200, message);

		const { items } = await run(operation, {
			ticketId,
			message: 'See attached',
			additionalFields: { attachments: 'screenshot,invoice' },
		});

		expect(requests.map((request) => request.path)).toEqual([path]);
		const form = await receivedForm(requests[0]);
		expect(form.fields).toEqual([['message', 'See attached']]);
		expect(describeFiles(form)).toEqual([bothFiles[1], bothFiles[0]]);
		expect(form.files[0].bytes.equals(screenshot)).toBe(true);
		expect(items[0].json).toMatchObject(message);
	});

	it.each(['reply', 'addNote'])('%s without attachments stays JSON', async (operation) => {
		const scope = desk360Api();
		const requests = recordRequests(scope);
		scope.post(/\/v1\/products\/12\/tickets\/5\/(reply|note)/).reply(200, message);

		await run(operation, { ticketId, message: 'Plain', additionalFields: {} });

		expect(requests[0].headers['content-type']).toContain('application/json');
		expect(requests[0].body).toEqual({ message: 'Plain' });
	});

	it('names the binary field and the item that lacks it, before sending anything for that item', async () => {
		desk360Api().post(`${TICKETS}/5/reply`).reply(200, message);

		const error = await failureOf(
			run('reply', { ticketId, message: 'See attached', additionalFields: { attachments: '={{ $json.file }}' } }, [
				{ ...files, json: { file: 'invoice' } },
				{ json: { file: 'invoice' } },
			]),
		);

		expect(error.message).toBe(
			'Attachments names the binary field "invoice", which input item 1 does not have (it has no binary fields)',
		);
		expect(error.context?.itemIndex).toBe(1);
	});

	describe('through the same request path as JSON requests', () => {
		let virtual: ReturnType<typeof useVirtualClock>;
		beforeEach(() => {
			virtual = useVirtualClock();
		});
		afterEach(() => virtual.restore());

		it('a 429 waits Retry-After and sends the files again', async () => {
			const scope = desk360Api();
			const requests = recordRequests(scope);
			scope
				.post(`${TICKETS}/5/note`).reply(429, { error: { code: 'too_many_requests_exception', message: 'Too Many Attempts.' } }, { 'Retry-After': '3' })
				.post(`${TICKETS}/5/note`).reply(200, message);

			const { items } = await run('addNote', { ticketId, message: 'See attached', additionalFields: { attachments: 'invoice' } });

			expect(virtual.state.sleeps).toEqual([3000]);
			expect(requests).toHaveLength(2);
			for (const request of requests) {
				const form = await receivedForm(request);
				expect(form.fields).toEqual([['message', 'See attached']]);
				expect(form.files).toHaveLength(1);
				expect(form.files[0].bytes.equals(invoice)).toBe(true);
			}
			expect(items[0].json).toMatchObject(message);
		});

		it('a Desk360 error keeps its message and hint', async () => {
			desk360Api()
				.post(`${TICKETS}/5/reply`)
				.reply(422, { error: { code: 'failed_validation', message: 'The attachments.0 must be a file of type: jpg, png, pdf.' } });

			const error = await failureOf(run('reply', { ticketId, message: 'x', additionalFields: { attachments: 'invoice' } }));

			expect(error.message).toBe('The attachments.0 must be a file of type: jpg, png, pdf.');
			expect(error.description).toContain('failed_validation');
		});

		it('an expired session logs in again and sends the files again', async () => {
			const stale = { desk360Api: { ...loginCredentials.desk360Api, sessionToken: 'expired-token' } };
			nock(BASE_URL).post('/v1/login').reply(200, { access_token: 'renewed-token', token_type: 'Bearer' });
			const expired = desk360Api('expired-token');
			const expiredRequests = recordRequests(expired);
			expired.post(`${TICKETS}/5/reply`).reply(401, { error: { code: 'authentication_exception', message: 'Unauthenticated.' } });
			const renewed = desk360Api('renewed-token');
			const renewedRequests = recordRequests(renewed);
			renewed.post(`${TICKETS}/5/reply`).reply(200, message);

			const { items } = await run('reply', { ticketId, message: 'x', additionalFields: { attachments: 'screenshot' } }, [files], stale);

			expect(items[0].json).toMatchObject(message);
			for (const request of [...expiredRequests, ...renewedRequests]) {
				const form = await receivedForm(request);
				expect(form.files[0].bytes.equals(screenshot)).toBe(true);
			}
			expect(expiredRequests).toHaveLength(1);
			expect(renewedRequests).toHaveLength(1);
		});
	});
});
