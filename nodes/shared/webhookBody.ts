import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { withoutProtoKeys } from './ownKeys';

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value's kind as a problem names it: "a list", "null", "a string", ... */
export function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The value of a JSON text; undefined when it is not JSON. */
function jsonOf(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * How deeply a webhook body may nest lists and objects. Real deliveries nest
 * a few levels; n8n's own copies of an item (deepCopy, saving the execution)
 * recurse, and overflow the stack some thousands of levels down, so a deeper
 * body is refused rather than passed on.
 */
export const MAX_BODY_DEPTH = 100;

/** Whether lists and objects nest more than `limit` levels in `value`; a loop, so any depth is measured. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
	const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
	for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
		if (typeof next.value !== 'object' || next.value === null) continue;
		if (next.depth > limit) return true;
		for (const entry of Object.values(next.value)) pending.push({ value: entry, depth: next.depth + 1 });
	}
	return false;
}

/**
 * The bytes of the request's body. n8n reads them before the node runs only
 * for the types it parses (for nodes of version 2 and later: JSON, text, form,
 * XML); a body it neither read nor parsed (no or an unknown Content-Type) the
 * node has n8n read now, as n8n's own triggers do. A multipart body n8n's form
 * parser has read (into `body`) cannot be read again: empty.
 */
export async function receivedBytes(context: IWebhookFunctions): Promise<Buffer> {
	const request = context.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody) && request.body === undefined) await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0);
}

function rawText(rawBody: unknown): string {
	return Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : '';
}

/**
 * A webhook body as a JSON object of its own keys only (no `__proto__`), or
 * what makes it none (`problem`), nesting deeper than MAX_BODY_DEPTH included.
 * With `raw: true` the raw bytes are parsed, as signed; otherwise n8n's parsed
 * JSON body is taken, and any other body (text/plain, no content type) is
 * parsed from the raw bytes.
 */
export function jsonObjectBody(
	body: unknown,
	rawBody: unknown,
	{ raw = false }: { raw?: boolean } = {},
): { payload: IDataObject } | { problem: string } {
	const read = !raw && isObject(body) && Object.keys(body).length > 0 ? { object: body } : objectOfText(body, rawBody, raw);
	if ('problem' in read) return read;
	if (nestsDeeperThan(read.object, MAX_BODY_DEPTH)) {
		return { problem: `the body nests lists or objects more than ${MAX_BODY_DEPTH} levels deep` };
	}
	// Only now, with the depth bounded, is the recursive copy safe.
	return { payload: withoutProtoKeys(read.object) };
}

/** The JSON object in the raw bytes (or n8n's text body), or what makes it none. */
function objectOfText(body: unknown, rawBody: unknown, raw: boolean): { object: IDataObject } | { problem: string } {
	const text = rawText(rawBody) || (!raw && typeof body === 'string' ? body : '');
	if (text.trim() === '') return { problem: 'the body is empty' };
	const parsed = jsonOf(text);
	if (parsed === undefined) return { problem: 'the body is not JSON' };
	if (!isObject(parsed)) return { problem: `the body is ${typeName(parsed)}, not a JSON object` };
	return { object: parsed };
}
