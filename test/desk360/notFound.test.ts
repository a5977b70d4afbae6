/**
 * Desk360 (Laravel) answers a missing object with "No query results for model
 * [App\Models\Ticket] 999999": the headline names the object, its ID and the
 * product of the request instead, and the description keeps Desk360's text.
 */
import { desk360, desk360Api, product, tokenCredentials } from './fixtures';
import { failureOf } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';

function run(resource: string, operation: string, parameters: Record<string, unknown>) {
	return runNode(desk360, { parameters: { resource, operation, ...parameters }, credentials: tokenCredentials });
}

/** Desk360's answer when Laravel finds no `model` with this ID. */
function noQueryResults(model: string, id: number | string) {
	return { error: { code: 'model_not_found_exception', message: `No query results for model [App\\Models\\${model}] ${id}` } };
}

describe('Desk360 › a missing object (model_not_found_exception)', () => {
	it.each([
		[
			'a ticket',
			() => desk360Api().get('/v1/products/11/tickets/999999').reply(404, noQueryResults('Ticket', 999999)),
			() => run('ticket', 'get', { product: product(11), ticketId: { __rl: true, mode: 'id', value: '999999' } }),
			'Ticket 999999 was not found in product 11',
			'No query results for model [App\\Models\\Ticket] 999999',
		],
		[
			'a product',
			() => desk360Api().get('/v1/products/11/tickets').reply(404, noQueryResults('Product', 11)),
			() => run('ticket', 'getAll', { product: product(11), returnAll: true }),
			'Product 11 was not found in this Desk360 account',
			'No query results for model [App\\Models\\Product] 11',
		],
		[
			'a ticket type',
			() => desk360Api().get('/v1/types/68').reply(404, noQueryResults('TicketType', 68)),
			() => run('ticketType', 'get', { ticketTypeId: 68 }),
			'Ticket type 68 was not found in this Desk360 account',
			'No query results for model [App\\Models\\TicketType] 68',
		],
		[
			'a reason',
			() => desk360Api().put('/v1/reasons/36').reply(404, noQueryResults('Reason', 36)),
			() => run('reason', 'update', { reasonId: 36, updateFields: { title: 'Refunds' } }),
			'Reason 36 was not found in this Desk360 account',
			'No query results for model [App\\Models\\Reason] 36',
		],
		[
			'a WhatsApp template',
			() => desk360Api().post('/v1/products/11/conversations/templates/7/send').reply(404, noQueryResults('WhatsappTemplate', 7)),
			() => run('whatsappTemplate', 'send', { product: product(11), templateId: 7, languageCode: 'en', phoneNumber: '+905551234567' }),
			'WhatsApp template 7 was not found in product 11',
			'No query results for model [App\\Models\\WhatsappTemplate] 7',
		],
	])('names %s with its ID (and product), keeping Desk360’s text in the description', async (_case, answer, request, headline, apiText) => {
		answer();

		const error = await failureOf(request());

		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe(headline);
		expect(error.description).toContain(`Desk360 answered: "${apiText}".`);
		expect(error.description).toContain('Pick it from the list');
		expect(error.description).toContain('(Desk360 error code: model_not_found_exception)');
		expect(error.httpCode).toBe('404');
		expect(error.context?.itemIndex).toBe(0);
	});

	it('takes the ID from the request, not from Laravel’s text', async () => {
		desk360Api().get('/v1/products/11/tickets/42').reply(404, noQueryResults('Ticket', 'x'));

		const error = await failureOf(run('ticket', 'get', { product: product(11), ticketId: { __rl: true, mode: 'id', value: '42' } }));

		expect(error.message).toBe('Ticket 42 was not found in product 11');
	});

	it('names a model the node does not know by its class name, with the ID from Laravel’s text', async () => {
		desk360Api().post('/v1/products/11/tickets/5/reply').reply(404, noQueryResults('AgentGroup', 9));

		const error = await failureOf(run('ticket', 'reply', { product: product(11), ticketId: { __rl: true, mode: 'id', value: '5' }, message: 'Hi' }));

		expect(error.message).toBe('Agent group 9 was not found in this Desk360 account');
		expect(error.description).toContain('Desk360 answered: "No query results for model [App\\Models\\AgentGroup] 9".');
	});

	it('keeps any other message of Desk360 as the headline', async () => {
		desk360Api().get('/v1/products/11/tickets/5').reply(404, { error: { code: 'model_not_found_exception', message: 'Ticket not found.' } });

		const error = await failureOf(run('ticket', 'get', { product: product(11), ticketId: { __rl: true, mode: 'id', value: '5' } }));

		expect(error.message).toBe('Ticket not found.');
		expect(error.description).not.toContain('Desk360 answered');
	});
});
