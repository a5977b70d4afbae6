import { desk360, desk360Api, product } from './fixtures';
import { binaryBytes, itemWithFiles, receivedForm } from './multipart';
import { operationsOf } from './operations';
import { failureOf, recordRequests } from '../helpers/expectations';

const MESSAGES = '/v1/products/12/conversations/messages';
const sent = { id: 'wamid.HBgM1', status: 'sent' };

const { run, postAndRecord } = operationsOf('whatsappMessage');

/** Sends through the operation to a server that answers `sent`. */
function sendAndRecord(path: string, operation: string, parameters: Record<string, unknown>, items?: unknown[]) {
	return postAndRecord(path, sent, operation, parameters, items);
}

describe('Desk360 › WhatsApp Message', () => {
	describe('Send Text', () => {
		it('posts to and text as JSON and outputs the answer', async () => {
			const { request, output } = await sendAndRecord(MESSAGES, 'sendText', { to: '+90 555 123-45-67', text: 'Hello!' });

			expect(request.method).toBe('POST');
			expect(request.path).toBe(MESSAGES);
			expect(request.headers['content-type']).toContain('application/json');
			// Formatting characters of the number are dropped.
			expect(request.body).toEqual({ to: '+905551234567', text: 'Hello!' });
			expect(output.map((item) => item.json)).toEqual([sent]);
		});

		it('accepts 4096 characters, counting an emoji as one', async () => {
			const text = '😀'.repeat(4096);
			const { request } = await sendAndRecord(MESSAGES, 'sendText', { to: '+14155550123', text });
			expect((request.body as { text: string }).text).toBe(text);
		});

		it('refuses 4097 characters', async () => {
			const error = await failureOf(run('sendText', { to: '+14155550123', text: 'a'.repeat(4097) }));
			expect(error.message).toBe('Text must be at most 4096 characters long (found: "4097 characters")');
		});

		it('refuses an empty text', async () => {
			const error = await failureOf(run('sendText', { to: '+14155550123', text: '  ' }));
			expect(error.message).toBe('Text is required and is empty');
		});

		it.each([
			['05551234567', 'no + and country code'],
			['+05551234567', 'a country code cannot start with 0'],
			['+90 555 CALL ME', 'letters'],
			['+123456', 'too short'],
			['+1234567890123456', '16 digits, more than E.164 allows'],
		])('refuses the number %p (%s), naming the rule', async (to) => {
			const error = await failureOf(run('sendText', { to, text: 'Hi' }));
			expect(error.message).toBe(
				`To must start with + and the country code, then digits only (7 to 15 digits in all, e.g. +905551234567) (found: ${JSON.stringify(to)})`,
			);
		});

		it('refuses an empty number', async () => {
			const error = await failureOf(run('sendText', { to: '', text: 'Hi' }));
			expect(error.message).toBe('To is required and is empty');
		});
	});

	describe('Send Location', () => {
		const location = { latitude: 37.758056, longitude: -122.425332, locationName: 'Facebook HQ', address: '1 Hacker Way, Menlo Park, CA 94025' };

		it('posts type location with the location object as JSON', async () => {
			const { request, output } = await sendAndRecord(MESSAGES, 'sendLocation', { to: '+905551234567', ...location });

			expect(request.headers['content-type']).toContain('application/json');
			expect(request.body).toEqual({
				to: '+905551234567',
				type: 'location',
				location: { latitude: 37.758056, longitude: -122.425332, name: 'Facebook HQ', address: '1 Hacker Way, Menlo Park, CA 94025' },
			});
			expect(output[0].json).toEqual(sent);
		});

		it.each([
			[{ latitude: 90.5 }, 'Latitude must be a number from -90 to 90 (found: 90.5)'],
			[{ longitude: -180.1 }, 'Longitude must be a number from -180 to 180 (found: -180.1)'],
			[{ latitude: '={{ "north" }}' }, 'Latitude must be a number from -90 to 90 (found: "north")'],
			[{ locationName: '' }, 'Location Name is required and is empty'],
			[{ address: ' ' }, 'Address is required and is empty'],
		])('refuses %p', async (override, message) => {
			const error = await failureOf(run('sendLocation', { to: '+905551234567', ...location, ...override }));
			expect(error.message).toBe(message);
		});
	});

	describe('Send Contacts', () => {
		const john = {
			formattedName: 'John Smith',
			firstName: 'John',
			lastName: 'Smith',
			additionalFields: {
				middleName: 'Q',
				prefix: 'Dr.',
				suffix: 'Jr.',
				birthday: '2012-08-18',
				company: 'WhatsApp',
				department: 'Design',
				jobTitle: 'Manager',
			},
			phones: { values: [{ phone: '+1 (650) 555-1234', type: 'WORK', waId: '16505551234' }, { phone: '+1 650 555 0000', type: '' }] },
			emails: { values: [{ email: 'test@whatsapp.com', type: 'WORK' }] },
			addresses: {
				values: [{ street: '1 Hacker Way', city: 'Menlo Park', state: 'CA', zip: '94025', country: 'United States', countryCode: 'us', type: 'HOME' }],
			},
			urls: { values: [{ url: 'https://www.facebook.com', type: 'WORK' }] },
		};
		const jane = { formattedName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' };

		it('posts type contacts with every part of each contact as JSON', async () => {
			const { request } = await sendAndRecord(MESSAGES, 'sendContacts', {
				to: '+905551234567',
				contacts: { contact: [john, jane] },
			});

			expect(request.headers['content-type']).toContain('application/json');
			expect(request.body).toEqual({
				to: '+905551234567',
				type: 'contacts',
				contacts: [
					{
						name: { formatted_name: 'John Smith', first_name: 'John', last_name: 'Smith', middle_name: 'Q', prefix: 'Dr.', suffix: 'Jr.' },
						birthday: '2012-08-18',
						org: { company: 'WhatsApp', department: 'Design', title: 'Manager' },
						phones: [
							{ phone: '+1 (650) 555-1234', wa_id: '16505551234', type: 'WORK' },
							{ phone: '+1 650 555 0000' },
						],
						emails: [{ email: 'test@whatsapp.com', type: 'WORK' }],
						addresses: [
							{ street: '1 Hacker Way', city: 'Menlo Park', state: 'CA', zip: '94025', country: 'United States', country_code: 'us', type: 'HOME' },
						],
						urls: [{ url: 'https://www.facebook.com', type: 'WORK' }],
					},
					{ name: { formatted_name: 'Jane Doe', first_name: 'Jane', last_name: 'Doe' } },
				],
			});
		});

		it.each([
			[{ ...jane, lastName: '' }, 'Contact 2 Last Name is required and is empty'],
			[{ ...jane, formattedName: ' ' }, 'Contact 2 Formatted Name is required and is empty'],
			[{ ...jane, firstName: '' }, 'Contact 2 First Name is required and is empty'],
			[{ ...jane, additionalFields: { birthday: '18/08/2012' } }, 'Contact 2 Birthday must be a date as YYYY-MM-DD (found: "18/08/2012")'],
			[{ ...jane, emails: { values: [{ email: 'jane-at-example' }] } }, 'Contact 2 Emails (entry 1) Email must be an email address (found: "jane-at-example")'],
			[{ ...jane, urls: { values: [{ url: 'www.example.com' }] } }, 'Contact 2 URLs (entry 1) URL must be a web address starting with https:// or http:// (found: "www.example.com")'],
			[{ ...jane, phones: { values: [{ phone: '', type: 'WORK' }] } }, 'Contact 2 Phones (entry 1) Phone is required and is empty'],
		])('refuses %p', async (contact, message) => {
			const error = await failureOf(run('sendContacts', { to: '+905551234567', contacts: { contact: [john, contact] } }));
			expect(error.message).toBe(message);
		});

		it('refuses a message without contacts', async () => {
			const error = await failureOf(run('sendContacts', { to: '+905551234567', contacts: {} }));
			expect(error.message).toBe('Contacts must have at least one contact (found: "0 contacts")');
		});
	});

	describe('Send Media', () => {
		const photo = binaryBytes(1500, 3);
		const manual = binaryBytes(2048, 11);
		const files = itemWithFiles({
			data: { bytes: photo, mimeType: 'image/jpeg', fileName: 'photo.jpg' },
			manual: { bytes: manual, mimeType: 'application/pdf', fileName: 'manual.pdf' },
		});

		it('posts to and every file as multipart attachments[] parts', async () => {
			const { request, output } = await sendAndRecord(`${MESSAGES}/media`, 'sendMedia', {
				to: '+905551234567',
				binaryPropertyNames: 'data, manual',
			}, [files]);

			const form = await receivedForm(request);
			expect(form.contentType).toMatch(/^multipart\/form-data; boundary=/);
			expect(form.fields).toEqual([['to', '+905551234567']]);
			expect(form.files.map(({ part, fileName, type, size }) => ({ part, fileName, type, size }))).toEqual([
				{ part: 'attachments[]', fileName: 'photo.jpg', type: 'image/jpeg', size: 1500 },
				{ part: 'attachments[]', fileName: 'manual.pdf', type: 'application/pdf', size: 2048 },
			]);
			expect(form.files[0].bytes.equals(photo)).toBe(true);
			expect(form.files[1].bytes.equals(manual)).toBe(true);
			expect(output[0].json).toEqual(sent);
		});

		it('takes the binary field names from an expression that gives a list', async () => {
			const { request } = await sendAndRecord(`${MESSAGES}/media`, 'sendMedia', {
				to: '+905551234567',
				binaryPropertyNames: '={{ ["manual"] }}',
			}, [files]);
			const form = await receivedForm(request);
			expect(form.files.map((file) => file.fileName)).toEqual(['manual.pdf']);
		});

		it('names a file without a file name after its binary field', async () => {
			const { request } = await sendAndRecord(`${MESSAGES}/media`, 'sendMedia', { to: '+905551234567', binaryPropertyNames: 'data' }, [
				itemWithFiles({ data: { bytes: photo, mimeType: 'image/png' } }),
			]);
			const form = await receivedForm(request);
			expect(form.files[0]).toMatchObject({ fileName: 'data', type: 'image/png', size: 1500 });
		});

		it('refuses more than 5 files', async () => {
			const six = itemWithFiles(
				Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => [name, { bytes: photo, mimeType: 'image/jpeg' }])),
			);
			const error = await failureOf(run('sendMedia', { to: '+905551234567', binaryPropertyNames: 'a,b,c,d,e,f' }, [six]));
			expect(error.message).toBe('Input Binary Fields must name at most 5 binary fields (found: ["a","b","c","d","e","f"])');
		});

		it('refuses a file over 20 MB, naming it, the limit and its size', async () => {
			const big = itemWithFiles({
				data: { bytes: photo, mimeType: 'image/jpeg' },
				video: { bytes: Buffer.alloc(20 * 1024 * 1024 + 1), mimeType: 'video/mp4' },
			});
			const error = await failureOf(run('sendMedia', { to: '+905551234567', binaryPropertyNames: 'data, video' }, [big]));
			expect(error.message).toBe(
				'Input Binary Fields file "video" must be at most 20 MB (20971520 bytes) (found: "20971521 bytes")',
			);
		});

		it('accepts a file of exactly 20 MB', async () => {
			const limit = Buffer.alloc(20 * 1024 * 1024, 0x41);
			const { request } = await sendAndRecord(`${MESSAGES}/media`, 'sendMedia', { to: '+905551234567', binaryPropertyNames: 'data' }, [
				itemWithFiles({ data: { bytes: limit, mimeType: 'video/mp4', fileName: 'clip.mp4' } }),
			]);
			const form = await receivedForm(request);
			expect(form.files[0].size).toBe(20 * 1024 * 1024);
		});

		it('names the missing binary field and the item', async () => {
			// Item 0 is fine and goes out; item 1 fails before sending.
			desk360Api().post(`${MESSAGES}/media`).reply(200, sent);
			const error = await failureOf(
				run('sendMedia', { to: '+905551234567', binaryPropertyNames: '={{ $json.field }}' }, [
					{ ...files, json: { field: 'data' } },
					{ ...files, json: { field: 'photo' } },
				]),
			);
			expect(error.message).toBe(
				'Input Binary Fields names the binary field "photo", which input item 1 does not have (its binary fields: data, manual)',
			);
			expect(error.context?.itemIndex).toBe(1);
		});

		it('says when the item has no files at all', async () => {
			const error = await failureOf(run('sendMedia', { to: '+905551234567', binaryPropertyNames: 'data' }, [{ json: {} }]));
			expect(error.message).toBe(
				'Input Binary Fields names the binary field "data", which input item 0 does not have (it has no binary fields)',
			);
		});

		it('refuses an empty list of binary fields', async () => {
			const error = await failureOf(run('sendMedia', { to: '+905551234567', binaryPropertyNames: ' , ' }, [files]));
			expect(error.message).toBe('Input Binary Fields is required and is empty');
		});

		it('checks the number before reading files', async () => {
			const error = await failureOf(run('sendMedia', { to: '5551234567', binaryPropertyNames: 'data' }, [files]));
			expect(error.message).toContain('To must start with + and the country code');
		});
	});

	describe('Send Buttons', () => {
		const buttons = { button: [{ id: 'ID 1.1', title: 'Button 1' }, { id: 'ID 1.2', title: 'Button 2' }] };
		const base = { to: '+905551234567', body: '<p>Hello</p>', buttons };

		it('posts body, buttons, a text header and the footer as JSON', async () => {
			const { request, output } = await sendAndRecord(`${MESSAGES}/interactive`, 'sendInteractive', {
				...base,
				headerType: 'text',
				headerText: 'Your order',
				footer: '<b>Bye</b>',
			});

			expect(request.headers['content-type']).toContain('application/json');
			expect(request.body).toEqual({
				to: '+905551234567',
				body: '<p>Hello</p>',
				header: { type: 'text', text: 'Your order' },
				footer: { text: '<b>Bye</b>' },
				buttons: [{ id: 'ID 1.1', title: 'Button 1' }, { id: 'ID 1.2', title: 'Button 2' }],
			});
			expect(output[0].json).toEqual(sent);
		});

		it('sends neither header nor footer when none is set', async () => {
			const { request } = await sendAndRecord(`${MESSAGES}/interactive`, 'sendInteractive', base);
			expect(request.body).toEqual({ to: '+905551234567', body: '<p>Hello</p>', buttons: buttons.button });
		});

		it.each([
			['image', {}, { type: 'image', image: { link: 'https://example.com/a.jpg' } }],
			['video', {}, { type: 'video', video: { link: 'https://example.com/a.jpg' } }],
			['document', { headerFileName: 'invoice.pdf' }, { type: 'document', document: { link: 'https://example.com/a.jpg', filename: 'invoice.pdf' } }],
			['document', {}, { type: 'document', document: { link: 'https://example.com/a.jpg' } }],
		])('sends a %s header by link', async (headerType, extra, header) => {
			const { request } = await sendAndRecord(`${MESSAGES}/interactive`, 'sendInteractive', {
				...base,
				headerType,
				headerLink: 'https://example.com/a.jpg',
				...extra,
			});
			expect((request.body as { header: unknown }).header).toEqual(header);
		});

		it('accepts exactly 10 buttons with a 200-character ID and a 20-character title', async () => {
			const ten = Array.from({ length: 10 }, (_, index) => ({ id: `${index}`.padEnd(200, 'x'), title: `Choice ${index}`.padEnd(20, '.') }));
			const { request } = await sendAndRecord(`${MESSAGES}/interactive`, 'sendInteractive', { ...base, buttons: { button: ten } });
			expect((request.body as { buttons: unknown[] }).buttons).toEqual(ten);
		});

		const eleven = Array.from({ length: 11 }, (_, index) => ({ id: `id-${index}`, title: `Choice ${index}` }));
		it.each([
			['a body of 1025 characters', { body: 'x'.repeat(1025) }, 'Body must be at most 1024 characters long (found: "1025 characters")'],
			['an empty body', { body: '' }, 'Body is required and is empty'],
			['no buttons', { buttons: {} }, 'Buttons must have from 1 to 10 buttons (found: "0 buttons")'],
			['11 buttons', { buttons: { button: eleven } }, 'Buttons must have from 1 to 10 buttons (found: "11 buttons")'],
			['a 201-character button ID', { buttons: { button: [{ id: 'a'.repeat(201), title: 'OK' }] } }, 'Button 1 ID must be at most 200 characters long (found: "201 characters")'],
			['a 22-character button title', { buttons: { button: [{ id: 'a', title: 'This title is too long' }] } }, 'Button 1 Title must be at most 20 characters long (found: "22 characters")'],
			['an empty button title', { buttons: { button: [{ id: 'a', title: '' }] } }, 'Button 1 Title is required and is empty'],
			['an empty button ID', { buttons: { button: [{ id: '', title: 'Yes' }] } }, 'Button 1 ID is required and is empty'],
			['two buttons with one title', { buttons: { button: [{ id: 'a', title: 'Yes' }, { id: 'b', title: 'Yes' }] } }, 'Button 2 Title must differ from those of the other buttons (found: "Yes")'],
			['two buttons with one ID', { buttons: { button: [{ id: 'a', title: 'Yes' }, { id: 'a', title: 'No' }] } }, 'Button 2 ID must differ from those of the other buttons (found: "a")'],
			['a 61-character header text', { headerType: 'text', headerText: 'h'.repeat(61) }, 'Header Text must be at most 60 characters long (found: "61 characters")'],
			['an empty header text', { headerType: 'text', headerText: '' }, 'Header Text is required and is empty'],
			['a header link without https://', { headerType: 'image', headerLink: 'example.com/a.jpg' }, 'Header Link must be a web address starting with https:// or http:// (found: "example.com/a.jpg")'],
			['an empty header link', { headerType: 'video', headerLink: '' }, 'Header Link is required and is empty'],
			['a 61-character footer', { footer: 'f'.repeat(61) }, 'Footer must be at most 60 characters long (found: "61 characters")'],
		])('refuses %s', async (_label, override, message) => {
			const error = await failureOf(run('sendInteractive', { ...base, ...override }));
			expect(error.message).toBe(message);
		});
	});

	describe('Send Location Request', () => {
		it('posts type location_request_message with body and a text header as JSON', async () => {
			const { request, output } = await sendAndRecord(`${MESSAGES}/interactive`, 'sendLocationRequest', {
				to: '+905551234567',
				body: '<i>Send Location</i>',
				headerType: 'text',
				headerText: 'Location Request',
			});

			expect(request.headers['content-type']).toContain('application/json');
			expect(request.body).toEqual({
				to: '+905551234567',
				type: 'location_request_message',
				body: '<i>Send Location</i>',
				header: { type: 'text', text: 'Location Request' },
			});
			expect(output[0].json).toEqual(sent);
		});

		it('sends an image header by link, and no header when none is set', async () => {
			const { request: withImage } = await sendAndRecord(`${MESSAGES}/interactive`, 'sendLocationRequest', {
				to: '+905551234567',
				body: 'Where are you?',
				headerType: 'image',
				headerLink: 'https://example.com/map.png',
			});
			expect((withImage.body as { header: unknown }).header).toEqual({ type: 'image', image: { link: 'https://example.com/map.png' } });

			const { request: plain } = await sendAndRecord(`${MESSAGES}/interactive`, 'sendLocationRequest', {
				to: '+905551234567',
				body: 'Where are you?',
			});
			expect(plain.body).toEqual({ to: '+905551234567', type: 'location_request_message', body: 'Where are you?' });
		});

		it('offers only text and image headers', () => {
			const header = desk360.nodeType.description.properties.find(
				(property) => property.name === 'headerType' && property.displayOptions?.show?.operation?.includes('sendLocationRequest'),
			);
			expect((header?.options as Array<{ value: string }>).map((option) => option.value)).toEqual(['none', 'text', 'image']);
		});

		it.each([
			['a body of 1025 characters', { body: 'x'.repeat(1025) }, 'Body must be at most 1024 characters long (found: "1025 characters")'],
			['a 61-character header text', { headerType: 'text', headerText: 'h'.repeat(61) }, 'Header Text must be at most 60 characters long (found: "61 characters")'],
			['a number without the subscriber part', { to: '+90' }, 'To must start with + and the country code, then digits only (7 to 15 digits in all, e.g. +905551234567) (found: "+90")'],
		])('refuses %s', async (_label, override, message) => {
			const error = await failureOf(run('sendLocationRequest', { to: '+905551234567', body: 'Where?', ...override }));
			expect(error.message).toBe(message);
		});
	});

	describe('Mark as Read', () => {
		it('posts the message IDs and outputs the answer', async () => {
			const scope = desk360Api();
			const requests = recordRequests(scope);
			scope.post(`${MESSAGES}/read`).reply(200, { success: true, read: 2 });

			const { items } = await run('markAsRead', { messageIds: 'wamid.1, wamid.2' });

			expect(requests).toHaveLength(1);
			expect(requests[0].headers['content-type']).toContain('application/json');
			expect(requests[0].body).toEqual({ message_ids: ['wamid.1', 'wamid.2'] });
			expect(items).toEqual([{ json: { success: true, read: 2 }, pairedItem: { item: 0 } }]);
		});

		it('takes a list from an expression and outputs success for an empty answer', async () => {
			const scope = desk360Api()
				.post(`${MESSAGES}/read`, { message_ids: ['wamid.9'] })
				.reply(204);

			const { items } = await run('markAsRead', { messageIds: '={{ [$json.id] }}' }, [{ json: { id: 'wamid.9' } }]);

			expect(scope.isDone()).toBe(true);
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		});

		it('refuses an empty list', async () => {
			const error = await failureOf(run('markAsRead', { messageIds: ' ,, ' }));
			expect(error.message).toBe('Message IDs is required and is empty');
		});

		it('refuses a product ID that is not a number', async () => {
			const error = await failureOf(run('markAsRead', { product: product('x'), messageIds: 'wamid.1' }));
			expect(error.message).toBe('Product must be a positive whole number (an ID) (found: "x")');
		});
	});

	describe('Download Media', () => {
		const bytes = binaryBytes(4096, 5);

		it('puts the file on the item as a binary field with its MIME type and file name', async () => {
			desk360Api()
				.get(`${MESSAGES}/media/83518734-56a9-4b51-8372-93f1432cfa9b`)
				.reply(200, bytes, { 'Content-Type': 'image/jpeg', 'Content-Disposition': 'attachment; filename="photo.jpg"' });

			const input = itemWithFiles({ original: { bytes: Buffer.from('keep me'), mimeType: 'text/plain' } }, { from: '+905551234567' });
			const { items } = await run('getMedia', { mediaId: ' 83518734-56a9-4b51-8372-93f1432cfa9b ', binaryPropertyName: 'photo' }, [input]);

			expect(items).toHaveLength(1);
			expect(items[0].json).toEqual({ from: '+905551234567' });
			expect(items[0].pairedItem).toEqual({ item: 0 });
			const photo = items[0].binary!.photo;
			expect(Buffer.from(photo.data, 'base64').equals(bytes)).toBe(true);
			expect(photo).toMatchObject({ mimeType: 'image/jpeg', fileName: 'photo.jpg', fileExtension: 'jpg', fileType: 'image' });
			// The item's other files stay.
			expect(Buffer.from(items[0].binary!.original.data, 'base64').toString()).toBe('keep me');
		});

		it('names a file Desk360 sends without a name after the media ID', async () => {
			desk360Api().get(`${MESSAGES}/media/abc-123`).reply(200, bytes, { 'Content-Type': 'image/webp; charset=binary' });

			const { items } = await run('getMedia', { mediaId: 'abc-123', binaryPropertyName: 'data' });

			expect(Buffer.from(items[0].binary!.data.data, 'base64').equals(bytes)).toBe(true);
			expect(items[0].binary!.data).toMatchObject({ mimeType: 'image/webp', fileName: 'abc-123.webp' });
		});

		it('shows the Desk360 message when the media does not exist', async () => {
			desk360Api().get(`${MESSAGES}/media/gone`).reply(404, { error: { code: 'model_not_found_exception', message: 'Media not found.' } });

			const error = await failureOf(run('getMedia', { mediaId: 'gone', binaryPropertyName: 'data' }));

			expect(error.constructor.name).toBe('NodeApiError');
			expect(error.message).toBe('Media not found.');
		});

		it.each([
			[{ mediaId: ' ' }, 'Media ID is required and is empty'],
			[{ binaryPropertyName: '' }, 'Put Output File in Field is required and is empty'],
			[{ binaryPropertyName: '__proto__' }, 'Put Output File in Field must not be a reserved name (found: "__proto__")'],
			[{ binaryPropertyName: 'constructor' }, 'Put Output File in Field must not be a reserved name (found: "constructor")'],
		])('refuses %p', async (override, message) => {
			const error = await failureOf(run('getMedia', { mediaId: 'abc', binaryPropertyName: 'data', ...override }));
			expect(error.message).toBe(message);
		});

		it.each(['..', '.', '../../v1/agents', 'a/b', 'a?b=1', 'a#b', '%2e%2e', '%2F', '..%2f', '.hidden', { id: 1 }, ['a']])(
			'refuses the media ID %p before sending anything: it could change the request path',
			async (mediaId) => {
				const value = typeof mediaId === 'string' ? mediaId : `={{ ${JSON.stringify(mediaId)} }}`;
				const error = await failureOf(run('getMedia', { mediaId: value, binaryPropertyName: 'data' }));
				// n8n's routing wraps the node's NodeOperationError; nothing was sent (nock would have said).
				expect(error.message).toMatch(/^Media ID must be/);
			},
		);
	});
});
