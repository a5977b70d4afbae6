import type { INodeParameters } from 'n8n-workflow';

import { BASE_URL, desk360, desk360Api, product, tokenCredentials } from './fixtures';
import { binaryBytes, itemWithFiles, receivedForm } from './multipart';
import { operationsOf } from './operations';
import { failureOf, recordRequests } from '../helpers/expectations';
import { loadOptions } from '../helpers/n8n';
import {
	getWhatsAppTemplateLanguages,
	getWhatsAppTemplateParameters,
	getWhatsAppTemplates,
} from '../../nodes/Desk360/methods/loadOptions';

const TEMPLATES = '/v1/products/12/conversations/templates';

const shipping = {
	id: 1,
	template_name: 'test_case',
	languages: [
		{ template_id: 1, language_id: 1, header_type: 'TEXT', text: 'Your item is ready.', parameters: ['header-1', 'body-1'], language_name: 'English', language_code: 'en' },
		{ template_id: 1, language_id: 2, header_type: 'TEXT', text: 'Votre colis est prêt.', parameters: ['header-ddd'], language_name: 'French', language_code: 'fr' },
	],
};

function template(id: number, name = `template_${id}`) {
	return { id, template_name: name, languages: [{ template_id: id, parameters: [], language_name: 'English', language_code: 'en' }] };
}

/** A Laravel page object as Desk360 answers it. */
function laravelPage(page: number, lastPage: number, data: object[], nextOrigin = BASE_URL) {
	return {
		current_page: page,
		data,
		first_page_url: `${BASE_URL}${TEMPLATES}?page=1`,
		last_page: lastPage,
		next_page_url: page < lastPage ? `${nextOrigin}${TEMPLATES}?page=${page + 1}` : null,
		path: `${BASE_URL}${TEMPLATES}`,
		per_page: 2,
		prev_page_url: page > 1 ? `${BASE_URL}${TEMPLATES}?page=${page - 1}` : null,
		total: 5,
	};
}

const accepted = { success: true, message: 'Template queued' };
const { run, postAndRecord } = operationsOf('whatsappTemplate');

function sendAndRecord(path: string, operation: string, parameters: Record<string, unknown>, items?: unknown[]) {
	return postAndRecord(path, accepted, operation, parameters, items);
}

describe('Desk360 › WhatsApp Template', () => {
	describe('Get Many (Laravel page objects)', () => {
		function threePages() {
			const scope = desk360Api();
			const requests = recordRequests(scope);
			scope
				.get(TEMPLATES).reply(200, laravelPage(1, 3, [shipping, template(2)]))
				.get(TEMPLATES).query({ page: '2' }).reply(200, laravelPage(2, 3, [template(3), template(4)]))
				.get(TEMPLATES).query({ page: '3' }).reply(200, laravelPage(3, 3, [template(5)]));
			return requests;
		}

		it('Return All follows next_page_url to the last page: one item per template with its languages', async () => {
			const requests = threePages();

			const { items } = await run('getAll', { returnAll: true, simplify: false });

			expect(requests.map((request) => request.path)).toEqual([TEMPLATES, `${TEMPLATES}?page=2`, `${TEMPLATES}?page=3`]);
			expect(items.map((item) => item.json.id)).toEqual([1, 2, 3, 4, 5]);
			expect(items[0].json).toMatchObject(shipping);
			expect(items[0].pairedItem).toEqual({ item: 0 });
		});

		it('Limit stops asking for pages as soon as it has enough', async () => {
			const scope = desk360Api();
			const requests = recordRequests(scope);
			scope
				.get(TEMPLATES).reply(200, laravelPage(1, 3, [shipping, template(2)]))
				.get(TEMPLATES).query({ page: '2' }).reply(200, laravelPage(2, 3, [template(3), template(4)]));

			const { items } = await run('getAll', { returnAll: false, limit: 3 });

			expect(items.map((item) => item.json.id)).toEqual([1, 2, 3]);
			expect(requests).toHaveLength(2);
		});

		it('Limit within the first page sends one request', async () => {
			const scope = desk360Api();
			const requests = recordRequests(scope);
			scope.get(TEMPLATES).reply(200, laravelPage(1, 3, [shipping, template(2)]));

			const { items } = await run('getAll', { returnAll: false, limit: 1 });

			expect(items.map((item) => item.json.id)).toEqual([1]);
			expect(requests).toHaveLength(1);
		});

		it('stops at an empty page even if it names a next one', async () => {
			desk360Api()
				.get(TEMPLATES).reply(200, laravelPage(1, 3, [shipping]))
				.get(TEMPLATES).query({ page: '2' }).reply(200, laravelPage(2, 3, []));

			const { items } = await run('getAll', { returnAll: true });

			expect(items).toHaveLength(1);
		});

		it('follows a next_page_url naming another host (Laravel names its configured one) on the Base URL', async () => {
			const scope = desk360Api();
			const requests = recordRequests(scope);
			scope
				.get(TEMPLATES).reply(200, laravelPage(1, 2, [shipping], 'http://api.localhost:10380'))
				.get(TEMPLATES).query({ page: '2' }).reply(200, laravelPage(2, 2, [shipping]));

			const { items } = await run('getAll', { returnAll: true });

			expect(items).toHaveLength(2);
			expect(requests.map((request) => request.path)).toEqual([TEMPLATES, `${TEMPLATES}?page=2`]);
		});
	});

	describe('Send', () => {
		const parameters = {
			templateId: 1,
			languageCode: 'en',
			phoneNumber: '+90 555 123 45 67',
			templateParameters: { parameter: [{ key: 'body-1', value: 'Hi' }, { key: 'body-2', value: '120$' }] },
		};

		it('posts phone number, language and parameters as JSON without an attachment', async () => {
			const { request, output } = await sendAndRecord(`${TEMPLATES}/1/send`, 'send', parameters);

			expect(request.headers['content-type']).toContain('application/json');
			expect(request.body).toEqual({
				phone_number: '+905551234567',
				language_code: 'en',
				parameters: { 'body-1': 'Hi', 'body-2': '120$' },
			});
			expect(output.map((item) => item.json)).toEqual([accepted]);
		});

		it('leaves parameters out when the template has none', async () => {
			const { request } = await sendAndRecord(`${TEMPLATES}/13/send`, 'send', { ...parameters, templateId: 13, templateParameters: {} });
			expect(request.body).toEqual({ phone_number: '+905551234567', language_code: 'en' });
		});

		it('sends every field and the attachment as multipart form data', async () => {
			const picture = binaryBytes(777);
			const { request } = await sendAndRecord(
				`${TEMPLATES}/1/send`,
				'send',
				{ ...parameters, additionalFields: { attachment: 'picture' } },
				[itemWithFiles({ picture: { bytes: picture, mimeType: 'image/png', fileName: 'guard_test.png' } })],
			);

			const form = await receivedForm(request);
			expect(form.contentType).toMatch(/^multipart\/form-data; boundary=/);
			expect(form.fields).toEqual([
				['language_code', 'en'],
				['parameters[body-1]', 'Hi'],
				['parameters[body-2]', '120$'],
				['phone_number', '+905551234567'],
			]);
			expect(form.files.map(({ part, fileName, type, size }) => ({ part, fileName, type, size }))).toEqual([
				{ part: 'attachment', fileName: 'guard_test.png', type: 'image/png', size: 777 },
			]);
			expect(form.files[0].bytes.equals(picture)).toBe(true);
		});

		it.each([
			['a number without +', { phoneNumber: '905551234567' }, 'Phone Number must start with + and the country code, then digits only (7 to 15 digits in all, e.g. +905551234567) (found: "905551234567")'],
			['no language', { languageCode: '' }, 'Language is required and is empty'],
			['no template', { templateId: '' }, 'Template is required and is empty'],
			['a template ID that is not a number', { templateId: 'shipping' }, 'Template must be a positive whole number (an ID) (found: "shipping")'],
			['a parameter without key', { templateParameters: { parameter: [{ key: '', value: 'Hi' }] } }, 'Template Parameters (entry 1) Key is required and is empty'],
			['a parameter without value', { templateParameters: { parameter: [{ key: 'body-1', value: ' ' }] } }, 'Template Parameter "body-1" is required and is empty'],
			['a key given twice', { templateParameters: { parameter: [{ key: 'body-1', value: 'a' }, { key: 'body-1', value: 'b' }] } }, 'Template Parameters must not list a key twice (found: "body-1")'],
			['two attachments', { additionalFields: { attachment: 'a, b' } }, 'Attachment must name at most 1 binary field (found: ["a","b"])'],
			['a missing attachment', { additionalFields: { attachment: 'picture' } }, 'Attachment names the binary field "picture", which input item 0 does not have (it has no binary fields)'],
		])('refuses %s', async (_label, override, message) => {
			const error = await failureOf(run('send', { ...parameters, ...override }));
			expect(error.message).toBe(message);
		});
	});

	describe('Send Bulk', () => {
		const parameters = {
			templateId: 1,
			languageCode: 'en',
			phones: '+905551234567,\n+1 415 555 0123',
			templateParameters: { parameter: [{ key: 'body-1', value: 'Hello' }] },
		};

		it('posts the phone list, language and parameters as JSON', async () => {
			const { request, output } = await sendAndRecord(`${TEMPLATES}/1/send/bulk`, 'sendBulk', parameters);

			expect(request.headers['content-type']).toContain('application/json');
			expect(request.body).toEqual({
				phones: ['+905551234567', '+14155550123'],
				language_code: 'en',
				parameters: { 'body-1': 'Hello' },
			});
			expect(output[0].json).toEqual(accepted);
		});

		it('takes the phone list from an expression that gives an array', async () => {
			const { request } = await sendAndRecord(`${TEMPLATES}/1/send/bulk`, 'sendBulk', {
				...parameters,
				phones: '={{ $json.numbers }}',
			}, [{ json: { numbers: ['+905551234567', '+447700900123'] } }]);
			expect((request.body as { phones: string[] }).phones).toEqual(['+905551234567', '+447700900123']);
		});

		it('sends the CSV file as bulk_phone_file with the attachment and the other fields as multipart', async () => {
			const csv = Buffer.from('phone\n+905551234567\n"+447700900123"\n\n');
			const picture = binaryBytes(512);
			const { request } = await sendAndRecord(
				`${TEMPLATES}/1/send/bulk`,
				'sendBulk',
				{ ...parameters, additionalFields: { phoneFile: 'numbers', attachment: 'picture' } },
				[
					itemWithFiles({
						numbers: { bytes: csv, mimeType: 'text/csv', fileName: 'numbers.csv' },
						picture: { bytes: picture, mimeType: 'image/jpeg', fileName: 'sale.jpg' },
					}),
				],
			);

			const form = await receivedForm(request);
			expect(form.fields).toEqual([
				['language_code', 'en'],
				['parameters[body-1]', 'Hello'],
				['phones[0]', '+905551234567'],
				['phones[1]', '+14155550123'],
			]);
			expect(form.files.map(({ part, fileName, type, size }) => ({ part, fileName, type, size }))).toEqual([
				{ part: 'attachment', fileName: 'sale.jpg', type: 'image/jpeg', size: 512 },
				{ part: 'bulk_phone_file', fileName: 'numbers.csv', type: 'text/csv', size: csv.length },
			]);
			expect(form.files[0].bytes.equals(picture)).toBe(true);
			expect(form.files[1].bytes.equals(csv)).toBe(true);
		});

		it('sends only the CSV file when the phone list is empty', async () => {
			const csv = Buffer.from('+905551234567;+14155550123\r\n');
			const { request } = await sendAndRecord(
				`${TEMPLATES}/1/send/bulk`,
				'sendBulk',
				{ ...parameters, phones: '', additionalFields: { phoneFile: 'data' } },
				[itemWithFiles({ data: { bytes: csv, mimeType: 'text/csv', fileName: 'list.csv' } })],
			);
			const form = await receivedForm(request);
			expect(form.fields.map(([part]) => part)).toEqual(['language_code', 'parameters[body-1]']);
			expect(form.files.map((file) => file.part)).toEqual(['bulk_phone_file']);
		});

		it.each([
			['neither numbers nor a file', { phones: ' ' }, 'Phone Numbers is empty and no Phone File (CSV) is set: give at least one of them'],
			['a wrong number in the list', { phones: '+905551234567, 5551234' }, 'Phone Numbers (entry 2) must start with + and the country code, then digits only (7 to 15 digits in all, e.g. +905551234567) (found: "5551234")'],
			['no language', { languageCode: ' ' }, 'Language is required and is empty'],
		])('refuses %s', async (_label, override, message) => {
			const error = await failureOf(run('sendBulk', { ...parameters, ...override }));
			expect(error.message).toBe(message);
		});

		it('refuses a CSV file with a number without +, naming the file and the line', async () => {
			const csv = Buffer.from('phone\n+905551234567\n05551234567\n');
			const error = await failureOf(
				run('sendBulk', { ...parameters, additionalFields: { phoneFile: 'numbers' } }, [
					itemWithFiles({ numbers: { bytes: csv, mimeType: 'text/csv' } }),
				]),
			);
			expect(error.message).toBe(
				'Phone File (CSV) "numbers" line 3 must start with + and the country code, then digits only (7 to 15 digits in all, e.g. +905551234567) (found: "05551234567")',
			);
		});

		it('refuses a CSV file the item does not have', async () => {
			const error = await failureOf(
				run('sendBulk', { ...parameters, additionalFields: { phoneFile: 'numbers' } }, [
					itemWithFiles({ data: { bytes: Buffer.from('+905551234567'), mimeType: 'text/csv' } }),
				]),
			);
			expect(error.message).toBe(
				'Phone File (CSV) names the binary field "numbers", which input item 0 does not have (its binary fields: data)',
			);
		});
	});

	describe('dropdowns', () => {
		function setup(parameters: INodeParameters) {
			return { parameters: { resource: 'whatsappTemplate', operation: 'send', product: product(12), ...parameters }, credentials: tokenCredentials };
		}

		function templatePages() {
			desk360Api()
				.get(TEMPLATES).reply(200, laravelPage(1, 2, [template(13, 'shipping_info'), shipping]))
				.get(TEMPLATES).query({ page: '2' }).reply(200, laravelPage(2, 2, [template(7, 'appointment')]));
		}

		it('Template lists the templates of every page, by name', async () => {
			templatePages();
			const options = await loadOptions(desk360, setup({}), getWhatsAppTemplates);
			expect(options).toEqual([
				{ name: 'appointment', value: 7 },
				{ name: 'shipping_info', value: 13 },
				{ name: 'test_case', value: 1 },
			]);
		});

		it('Template asks nothing before a product is chosen', async () => {
			const options = await loadOptions(desk360, setup({ product: product('') }), getWhatsAppTemplates);
			expect(options).toEqual([]);
		});

		it('Language lists the languages of the chosen template', async () => {
			templatePages();
			const options = await loadOptions(desk360, setup({ templateId: 1 }), getWhatsAppTemplateLanguages);
			expect(options).toEqual([
				{ name: 'English (en)', value: 'en' },
				{ name: 'French (fr)', value: 'fr' },
			]);
		});

		it('Key lists the parameter keys of the chosen language, or of all its languages before one is chosen', async () => {
			templatePages();
			expect(await loadOptions(desk360, setup({ templateId: 1, languageCode: 'fr' }), getWhatsAppTemplateParameters)).toEqual([
				{ name: 'header-ddd', value: 'header-ddd' },
			]);
			templatePages();
			expect(await loadOptions(desk360, setup({ templateId: 1, languageCode: '' }), getWhatsAppTemplateParameters)).toEqual([
				{ name: 'header-1', value: 'header-1' },
				{ name: 'body-1', value: 'body-1' },
				{ name: 'header-ddd', value: 'header-ddd' },
			]);
		});
	});
});
