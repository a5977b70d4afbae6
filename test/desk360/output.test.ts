import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { API_TOKEN, desk360, desk360Api, product, tokenCredentials } from './fixtures';
import { failureOf } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';

const ticket = {
	id: 5, reason_id: 2, type_id: 1, agent_id: 7, name: 'Jane', email: 'jane@example.com', subject: 'Refund',
	channel: 'Email', platform: 'Web', status: 2, priority: 3, last_message: 'Hi', settings: null, custom_fields: [],
	country_code: 'GB', star_rating: null, created_at: '2026-01-31 10:00:00', updated_at: '2026-02-01 09:30:00',
};

function run(operation: string, parameters: Record<string, unknown>) {
	return runNode(desk360, {
		parameters: { resource: 'ticket', operation, product: product(12), ...parameters },
		credentials: tokenCredentials,
	});
}

describe('Desk360 › readable values and Simplify', () => {
	it('Get Many with Simplify (the default) keeps the documented short set, with names next to the numbers', async () => {
		desk360Api(API_TOKEN).get('/v1/products/12/tickets').reply(200, [ticket]);

		const { items } = await run('getAll', { returnAll: true });

		expect(Object.keys(items[0].json).sort()).toEqual(
			[
				'id', 'subject', 'name', 'email', 'status', 'status_name', 'priority', 'priority_name', 'channel', 'platform',
				'agent_id', 'reason_id', 'type_id', 'last_message', 'created_at_iso', 'updated_at_iso',
			].sort(),
		);
		expect(items[0].json).toMatchObject({ status: 2, status_name: 'Waiting', priority: 3, priority_name: 'Urgent' });
		expect(items[0].json.created_at_iso).toMatch(/^2026-01-31T\d\d:00:00\.000Z$/);
	});

	it('Simplify off returns every field Desk360 sent, plus the readable ones', async () => {
		desk360Api(API_TOKEN).get('/v1/products/12/tickets').reply(200, [ticket]);

		const { items } = await run('getAll', { returnAll: true, simplify: false });

		expect(items[0].json).toMatchObject({ ...ticket, status_name: 'Waiting', priority_name: 'Urgent' });
	});

	it('Get names the type of each message (6 is a note)', async () => {
		const messages = [
			{ id: 1, type: 0, message: 'Hello', created_at: '2026-01-31 10:00:00' },
			{ id: 2, type: 6, message: 'Internal', created_at: '2026-01-31 10:05:00' },
		];
		desk360Api(API_TOKEN).get('/v1/products/12/tickets/5').reply(200, { ...ticket, messages });

		const { items } = await run('get', { ticketId: { __rl: true, mode: 'id', value: '5' } });

		expect((items[0].json.messages as Array<{ type_name: string }>).map((message) => message.type_name)).toEqual(['Message', 'Note']);
		expect(items[0].json).not.toHaveProperty('custom_fields');
	});

	it('Get Logs names the statuses; the first change has no old status', async () => {
		desk360Api(API_TOKEN)
			.get('/v1/products/12/tickets/5/logs')
			.reply(200, [{ id: 1, old_status_id: 0, new_status_id: 2, reason_id: 5, agent_id: 0, created_at: '2026-01-31 10:00:00' }]);

		const { items } = await run('getLogs', { ticketId: { __rl: true, mode: 'id', value: '5' } });

		expect(items[0].json).toMatchObject({ id: 1, old_status_name: null, new_status_id: 2, new_status_name: 'Waiting' });
	});

	it('WhatsApp templates with Simplify: ID, name, language codes and parameter keys', async () => {
		const template = {
			id: 3, product_id: 12, template_name: 'shipping',
			languages: [
				{ language_code: 'en', text: 'Hi {{1}}', parameters: ['body-1'] },
				{ language_code: 'tr', text: 'Merhaba {{1}}', parameters: ['body-1', 'header-1'] },
			],
		};
		desk360Api(API_TOKEN)
			.get('/v1/products/12/conversations/templates')
			.reply(200, { current_page: 1, data: [template], next_page_url: null, last_page: 1, per_page: 15, total: 1 });

		const { items } = await runNode(desk360, {
			parameters: { resource: 'whatsappTemplate', operation: 'getAll', product: product(12), returnAll: true },
			credentials: tokenCredentials,
		});

		expect(items[0].json).toEqual({ id: 3, template_name: 'shipping', language_codes: ['en', 'tr'], parameter_keys: ['body-1', 'header-1'] });
	});
});

describe('Desk360 › the Desk360 Time Zone of the credential', () => {
	const created = { ...ticket, created_at: '2026-03-01 10:00:00', updated_at: '2026-07-01 10:00:00' };
	/** A credential saved before it had the field. */
	const oldCredential: ICredentialDataDecryptedObject = tokenCredentials.desk360Api;

	function getTicket(credential: ICredentialDataDecryptedObject, workflowTimeZone: string) {
		desk360Api(API_TOKEN).get('/v1/products/12/tickets/5').reply(200, { ...created, messages: [{ id: 1, type: 0, created_at: '2026-03-01 10:00:00' }] });
		return runNode(desk360, {
			parameters: { resource: 'ticket', operation: 'get', product: product(12), ticketId: { __rl: true, mode: 'id', value: '5' } },
			credentials: { desk360Api: credential },
			settings: { timezone: workflowTimeZone },
		});
	}

	it.each(['America/New_York', 'Asia/Tokyo', 'UTC'])('reads Desk360’s times as UTC by default, the workflow in %s', async (workflowTimeZone) => {
		for (const credential of [oldCredential, { ...oldCredential, timeZone: '' }, { ...oldCredential, timeZone: 'UTC' }]) {
			const { items } = await getTicket(credential, workflowTimeZone);

			expect(items[0].json).toMatchObject({ created_at_iso: '2026-03-01T10:00:00.000Z', updated_at_iso: '2026-07-01T10:00:00.000Z' });
			expect((items[0].json.messages as Array<{ created_at_iso: string }>)[0].created_at_iso).toBe('2026-03-01T10:00:00.000Z');
		}
	});

	it.each(['America/New_York', 'Asia/Tokyo', 'UTC'])('reads them in the credential’s zone, the workflow in %s', async (workflowTimeZone) => {
		const istanbul = await getTicket({ ...oldCredential, timeZone: 'Europe/Istanbul' }, workflowTimeZone);
		const newYork = await getTicket({ ...oldCredential, timeZone: ' America/New_York ' }, workflowTimeZone);

		// Istanbul is UTC+3 all year; New York is UTC-5 in March and UTC-4 (daylight saving) in July.
		expect(istanbul.items[0].json).toMatchObject({ created_at_iso: '2026-03-01T07:00:00.000Z', updated_at_iso: '2026-07-01T07:00:00.000Z' });
		expect(newYork.items[0].json).toMatchObject({ created_at_iso: '2026-03-01T15:00:00.000Z', updated_at_iso: '2026-07-01T14:00:00.000Z' });
	});

	it('refuses a zone it does not know before anything is sent, naming the credential', async () => {
		const error = await failureOf(
			runNode(desk360, {
				parameters: { resource: 'ticket', operation: 'getAll', product: product(12), returnAll: true },
				credentials: { desk360Api: { ...oldCredential, timeZone: 'Istanbul' } },
			}),
		);

		expect(error.message).toBe('Desk360 Time Zone must be an IANA time zone name such as UTC or Europe/Istanbul (found: "Istanbul")');
		expect(error.description).toBe('Correct "Desk360 Time Zone" in the Desk360 credential.');
	});
});
