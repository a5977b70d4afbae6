/**
 * What expressions can put into parameters, refused before anything is sent:
 * objects, lists and NaN in text and number fields, undocumented option
 * values, a Limit that is not a whole number of at least 1.
 */
import nock from 'nock';

import { desk360, desk360Api, product, tokenCredentials } from '../desk360/fixtures';
import { credentials as sendbirdCredentials, sendbird } from '../sendbird/fixtures';
import { failureOf, recordRequests, showsFromSection } from '../helpers/expectations';
import { runNode, type NodeHarness } from '../helpers/n8n';

function desk360Run(resource: string, operation: string, parameters: Record<string, unknown>) {
	return runNode(desk360, {
		parameters: { resource, operation, product: product(12), ...parameters },
		credentials: tokenCredentials,
	});
}

function sendbirdRun(resource: string, operation: string, parameters: Record<string, unknown>) {
	return runNode(sendbird as NodeHarness, { parameters: { resource, operation, ...parameters }, credentials: sendbirdCredentials });
}

const ticketCreate = {
	customerName: 'Jane',
	email: 'jane@example.com',
	reason: 3,
	description: 'Help',
	status: 2,
};

// Nothing is mocked: a request that went out would fail with "Could not reach", not these messages.
describe('the door › input checks, before anything is sent', () => {
	it.each([
		['={{ 7 }}', 'Status must be one of 1, 2 (found: 7)'],
		['={{ "open" }}', 'Status must be one of 1, 2 (found: "open")'],
	])('Desk360 ticket filter Status %p', async (status, message) => {
		const error = await failureOf(desk360Run('ticket', 'getAll', { returnAll: true, filters: { status } }));
		expect(error.message).toBe(message);
	});

	it('Desk360 ticket filter Priority given by expression: only 0 to 3', async () => {
		const error = await failureOf(desk360Run('ticket', 'getAll', { returnAll: true, filters: { priority: '={{ 9 }}' } }));
		expect(error.message).toBe('Priority must be one of 0, 1, 2, 3 (found: 9)');
	});

	it('a documented option value given as text by expression is taken', async () => {
		const error = await failureOf(desk360Run('ticket', 'getAll', { returnAll: true, filters: { status: '={{ "2" }}' } }));
		expect(error.message).toContain('Could not reach Desk360');
	});

	it.each([
		['={{ { "a": 1 } }}', 'Customer Email must be text (found: {"a":1})'],
		['={{ ["a@example.com"] }}', 'Customer Email must be text (found: ["a@example.com"])'],
	])('a query filter given %p is refused (no ?email[a]=1)', async (email, message) => {
		const error = await failureOf(desk360Run('ticket', 'getAll', { returnAll: true, filters: { email } }));
		expect(error.message).toBe(message);
	});

	it.each([
		['={{ { "first": "Jane" } }}', 'Customer Name must be text (found: {"first":"Jane"})'],
		['={{ [1, 2] }}', 'Customer Name must be text (found: [1,2])'],
		['={{ NaN }}', 'Customer Name must be text (found: NaN)'],
	])('Desk360 ticket create: Customer Name %p', async (customerName, message) => {
		const error = await failureOf(desk360Run('ticket', 'create', { ...ticketCreate, customerName }));
		expect(error.message).toBe(message);
	});

	it.each([
		['={{ NaN }}', 'Latitude must be a number from -90 to 90 (found: NaN)'],
		['={{ "north" }}', 'Latitude must be a number from -90 to 90 (found: "north")'],
		['={{ {} }}', 'Latitude must be a number from -90 to 90 (found: {})'],
	])('Desk360 Send Location: Latitude %p', async (latitude, message) => {
		const error = await failureOf(
			desk360Run('whatsappMessage', 'sendLocation', { to: '+905551234567', latitude, longitude: 29, locationName: 'Office', address: 'Street 1' }),
		);
		expect(error.message).toBe(message);
	});

	it.each([
		['={{ -1 }}', '-1'],
		['={{ 1.5 }}', '1.5'],
		['={{ "abc" }}', '"abc"'],
		['={{ 0 }}', '0'],
	])('Desk360 Get Many Limit %p', async (limit, found) => {
		const error = await failureOf(desk360Run('agent', 'getAll', { returnAll: false, limit }));
		expect(error.message).toBe(`Limit must be a whole number of at least 1 (found: ${found})`);
	});

	it('Sendbird Update Priority given an undocumented priority by expression', async () => {
		const error = await failureOf(sendbirdRun('ticket', 'updatePriority', { ticketId: '5', priority: '={{ "CRITICAL" }}' }));
		expect(error.message).toBe('Priority must be one of URGENT, HIGH, MEDIUM, LOW (found: "CRITICAL")');
	});

	it('Sendbird ticket filter Status given an object by expression', async () => {
		const error = await failureOf(sendbirdRun('ticket', 'getAll', { returnAll: true, filters: { status: '={{ { "x": 1 } }}' } }));
		expect(error.message).toBe('Status must be one of ACTIVE, CLOSED, IDLE, INITIALIZED, PENDING, PROACTIVE, WORK_IN_PROGRESS (found: {"x":1})');
	});

	it.each(['__proto__', 'constructor', 'toString'])('a binary field named %p is a clear error naming the field', async (name) => {
		const error = await failureOf(
			desk360Run('ticket', 'reply', { ticketId: { __rl: true, mode: 'id', value: '5' }, message: 'x', additionalFields: { attachments: name } }),
		);
		expect(error.message).toMatch(/^Attachments (must not name a reserved binary field name|names the binary field "toString", which input item 0 does not have)/);
	});
});

describe('the door › input errors are not shown as the service’s answer', () => {
	/** Every request that went out: none is mocked, so nock refuses each and reports it here. */
	let sent: string[];
	const record = (request: { method?: string; path?: string }) => sent.push(`${request.method} ${request.path}`);
	beforeEach(() => {
		sent = [];
		nock.emitter.on('no match', record);
	});
	afterEach(() => {
		nock.emitter.removeListener('no match', record);
	});

	it.each([
		['Desk360 Ticket → Create', () => desk360Run('ticket', 'create', { ...ticketCreate, customerName: '={{ [1, 2] }}' }), 'Customer Name must be text (found: [1,2])'],
		['Desk360 Get Many', () => desk360Run('agent', 'getAll', { returnAll: false, limit: '={{ 0 }}' }), 'Limit must be a whole number of at least 1 (found: 0)'],
		['Desk360 Ticket → Get', () => desk360Run('ticket', 'get', { ticketId: { __rl: true, mode: 'id', value: 'abc' } }), 'Ticket must be a positive whole number (an ID) (found: "abc")'],
		['Sendbird Desk Ticket → Update Priority', () => sendbirdRun('ticket', 'updatePriority', { ticketId: '5', priority: '={{ "CRITICAL" }}' }), 'Priority must be one of URGENT, HIGH, MEDIUM, LOW (found: "CRITICAL")'],
	])('%s: the message names the field, the rule and the value; no "From" section; nothing sent', async (_case, run, message) => {
		const error = await failureOf(run());

		expect(sent).toEqual([]);
		expect(error.message).toBe(message);
		expect(error.description).toMatch(/^Correct ".+" in the node's parameters or the expression that fills it\.$/);
		// n8n's routing passes only a NodeApiError on unchanged: this one carries nothing of an HTTP answer.
		const shown = error as Error & { httpCode?: unknown; messages?: unknown; extra?: unknown };
		expect({ httpCode: shown.httpCode, messages: shown.messages, data: error.context?.data, extra: shown.extra }).toEqual({
			httpCode: null,
			messages: [],
			data: undefined,
			extra: undefined,
		});
		expect(showsFromSection(error as never)).toBe(false);
		expect(error.context?.itemIndex).toBe(0);
	});

	it('names the item it is about, and sends nothing for it', async () => {
		const requests = recordRequests(desk360Api().post('/v1/products/12/tickets').reply(201, { id: 1 }));
		const items = [{ json: { name: 'Jane' } }, { json: { name: ['Jane', 'Doe'] } }];

		const error = await failureOf(
			runNode(desk360, {
				parameters: { resource: 'ticket', operation: 'create', product: product(12), ...ticketCreate, customerName: '={{ $json.name }}' },
				credentials: tokenCredentials,
				items,
			}),
		);

		expect(error.message).toBe('Customer Name must be text (found: ["Jane","Doe"])');
		expect(error.context?.itemIndex).toBe(1);
		expect(showsFromSection(error as never)).toBe(false);
		expect(requests.map((request) => request.body)).toEqual([expect.objectContaining({ name: 'Jane' })]);
		expect(sent).toEqual([]);
	});
});
