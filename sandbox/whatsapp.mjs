// Desk360's WhatsApp endpoints under /v1/products/:productId/conversations:
// templates (Laravel page object), template send and bulk send, messages
// (text, location, contacts), media, interactive, read, media download.
import { randomBytes } from 'node:crypto';

import { baseName } from './body.mjs';
import { modelNotFound, PAGE_SIZE, pageNumber, productOf } from './desk360Common.mjs';
import { fileAnswer, storeMedia } from './media.mjs';
import { ApiError } from './router.mjs';
import { failedValidation, isPhone, rules, validate } from './validation.mjs';

const MAX_MEDIA_FILES = 5;
const MAX_MEDIA_KB = 20 * 1024;

function messageId() {
	return `wamid.${randomBytes(18).toString('base64url')}`;
}

/** The Laravel page object of GET .../templates. */
function listTemplates(ctx) {
	const product = productOf(ctx);
	const templates = ctx.data.desk360.templates
		.filter((template) => template.product_id === product.id)
		.map(({ product_id: _product, ...template }) => template);
	const page = pageNumber(ctx);
	const lastPage = Math.max(1, Math.ceil(templates.length / PAGE_SIZE));
	const path = ctx.linkUrl(ctx.url.pathname);
	const pageUrl = (n) => `${path}?page=${n}`;
	const data = templates.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
	const from = data.length ? (page - 1) * PAGE_SIZE + 1 : null;
	return {
		body: {
			current_page: page,
			data,
			first_page_url: pageUrl(1),
			from,
			last_page: lastPage,
			last_page_url: pageUrl(lastPage),
			next_page_url: page < lastPage ? pageUrl(page + 1) : null,
			path,
			per_page: PAGE_SIZE,
			prev_page_url: page > 1 ? pageUrl(page - 1) : null,
			to: from === null ? null : from + data.length - 1,
			total: templates.length,
		},
	};
}

function templateOf(ctx) {
	const product = productOf(ctx);
	const template = ctx.data.desk360.templates.find(
		(each) => String(each.id) === ctx.params.templateId && each.product_id === product.id,
	);
	if (!template) throw modelNotFound('WhatsappTemplate', ctx.params.templateId);
	return template;
}

function filesOf(ctx, field) {
	return ctx.files.filter((file) => baseName(file.field) === field);
}

/** language_code must be one of the template's; every parameter key of that language needs a value. */
function checkTemplateInput(ctx, template) {
	validate(ctx.body, {
		language_code: [rules.required, rules.string, rules.in(template.languages.map((language) => language.language_code))],
		parameters: [rules.array],
	});
	const language = template.languages.find((each) => each.language_code === ctx.body.language_code);
	const given = ctx.body.parameters ?? {};
	for (const key of language.parameters) {
		if (given[key] === undefined || String(given[key]).trim() === '') {
			throw failedValidation(`The parameters.${key} field is required.`);
		}
	}
	if (filesOf(ctx, 'attachment').length > 1) throw failedValidation('The attachment must be a file.');
}

function sendTemplate(ctx) {
	const template = templateOf(ctx);
	validate(ctx.body, { phone_number: [rules.required, rules.string, rules.phone] });
	checkTemplateInput(ctx, template);
	return {
		body: {
			success: true,
			message: 'The template message has been sent.',
			data: { id: messageId(), template_id: template.id, phone_number: ctx.body.phone_number, language_code: ctx.body.language_code, status: 'sent' },
		},
	};
}

/** The numbers of a bulk_phone_file CSV: every cell of every line; a first line without digits is a header. */
function csvPhones(file) {
	const lines = file.bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
	return lines.flatMap((line, index) =>
		index === 0 && !/\d/.test(line)
			? []
			: line.split(/[,;]/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1')).filter((cell) => cell !== ''),
	);
}

function sendTemplateBulk(ctx) {
	const template = templateOf(ctx);
	const phoneFiles = filesOf(ctx, 'bulk_phone_file');
	validate(ctx.body, {
		phones: [rules.requiredWithout('bulk phone file', () => phoneFiles.length > 0), rules.array],
		'phones.*': [rules.string, rules.phone],
	});
	const fromFile = phoneFiles.flatMap(csvPhones);
	const wrong = fromFile.find((phone) => !isPhone(phone));
	if (wrong !== undefined) throw failedValidation(`The bulk phone file contains a number in an invalid format: ${wrong}.`);
	checkTemplateInput(ctx, template);
	const phones = [...new Set([...(ctx.body.phones ?? []), ...fromFile])];
	return {
		body: {
			success: true,
			message: 'The template messages have been queued.',
			data: { template_id: template.id, language_code: ctx.body.language_code, count: phones.length, phones },
		},
	};
}

const sent = (ctx, type, extra = {}) => ({
	body: { id: messageId(), to: ctx.body.to, type, status: 'sent', timestamp: String(Math.floor(Date.now() / 1000)), ...extra },
});

const RECIPIENT = { to: [rules.required, rules.string, rules.phone] };

/** POST .../messages: text, or `type` location / contacts. */
function sendMessage(ctx) {
	productOf(ctx);
	validate(ctx.body, { ...RECIPIENT, type: [rules.in(['text', 'location', 'contacts'])] });
	const type = ctx.body.type ?? 'text';
	if (type === 'location') {
		validate(ctx.body, {
			location: [rules.required, rules.array],
			'location.longitude': [rules.required, rules.numeric],
			'location.latitude': [rules.required, rules.numeric],
			'location.name': [rules.required, rules.string],
			'location.address': [rules.required, rules.string],
		});
	} else if (type === 'contacts') {
		validate(ctx.body, {
			contacts: [rules.required, rules.array, rules.minItems(1)],
			'contacts.*.name': [rules.required, rules.array],
			'contacts.*.name.formatted_name': [rules.required, rules.string],
			'contacts.*.name.first_name': [rules.required, rules.string],
			'contacts.*.name.last_name': [rules.required, rules.string],
			'contacts.*.birthday': [rules.dateYmd],
			'contacts.*.emails.*.email': [rules.email],
		});
	} else {
		validate(ctx.body, { text: [rules.required, rules.string, rules.max(4096)] });
	}
	return sent(ctx, type);
}

/** POST .../messages/media: attachments[] (at most 5 files of at most 20 MB), kept as media. */
function sendMedia(ctx) {
	productOf(ctx);
	validate(ctx.body, RECIPIENT);
	const files = filesOf(ctx, 'attachments');
	if (files.length === 0) throw failedValidation('The attachments field is required.');
	if (files.length > MAX_MEDIA_FILES) throw failedValidation(`The attachments must not have more than ${MAX_MEDIA_FILES} items.`);
	files.forEach((file, index) => {
		if (file.size > MAX_MEDIA_KB * 1024) throw failedValidation(`The attachments.${index} must not be greater than ${MAX_MEDIA_KB} kilobytes.`);
	});
	const media = files.map((file) => ({
		media_id: storeMedia(ctx.data.media, file),
		name: file.name,
		mime_type: file.type,
		size: file.size,
		sha: file.sha256,
	}));
	return sent(ctx, 'media', { media });
}

const HEADER_TYPES = { buttons: ['text', 'image', 'video', 'document'], location_request_message: ['text', 'image'] };

/** POST .../messages/interactive: reply buttons, or type location_request_message. */
function sendInteractive(ctx) {
	productOf(ctx);
	const { body } = ctx;
	const kind = body.type === 'location_request_message' ? body.type : 'buttons';
	validate(body, {
		...RECIPIENT,
		type: [rules.in(['location_request_message', 'button', 'interactive'])],
		body: [rules.required, rules.string, rules.max(1024)],
		header: [rules.array],
		'header.type': [rules.requiredWith('header'), rules.in(HEADER_TYPES[kind])],
		'header.text': [rules.requiredIf('header.type', 'text'), rules.string, rules.max(60)],
		footer: [rules.array],
		'footer.text': [rules.requiredWith('footer'), rules.string, rules.max(60)],
	});
	const mediaHeader = body.header?.type && body.header.type !== 'text' ? body.header.type : undefined;
	if (mediaHeader && !body.header[mediaHeader]?.link && ctx.files.length === 0) {
		throw failedValidation(`The header.${mediaHeader}.link field is required when header.type is ${mediaHeader}.`);
	}
	if (kind === 'buttons') {
		validate(body, {
			buttons: [rules.required, rules.array, rules.minItems(1), rules.max(10)],
			'buttons.*.id': [rules.required, rules.string, rules.max(200), rules.distinct('buttons', 'id')],
			'buttons.*.title': [rules.required, rules.string, rules.max(20), rules.distinct('buttons', 'title')],
		});
	}
	return sent(ctx, kind === 'buttons' ? 'interactive' : kind);
}

function markRead(ctx) {
	productOf(ctx);
	validate(ctx.body, { message_ids: [rules.required, rules.array, rules.minItems(1)], 'message_ids.*': [rules.string] });
	return { body: { success: true, read: ctx.body.message_ids.length } };
}

function downloadMedia(ctx) {
	productOf(ctx);
	const file = ctx.data.media.get(ctx.params.mediaId);
	if (!file) throw new ApiError(404, 'model_not_found_exception', 'Media not found.');
	return fileAnswer(file);
}

/** @param {import('./router.mjs').Router} router the /v1 router */
export function addWhatsAppRoutes(router) {
	const base = '/products/:productId/conversations';
	router
		.add('GET', `${base}/templates`, listTemplates)
		.add('POST', `${base}/templates/:templateId/send`, sendTemplate)
		.add('POST', `${base}/templates/:templateId/send/bulk`, sendTemplateBulk)
		.add('POST', `${base}/messages`, sendMessage)
		.add('POST', `${base}/messages/media`, sendMedia)
		.add('POST', `${base}/messages/interactive`, sendInteractive)
		.add('POST', `${base}/messages/read`, markRead)
		.add('GET', `${base}/messages/media/:mediaId`, downloadMedia);
}
