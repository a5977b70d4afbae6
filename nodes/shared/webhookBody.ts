import type { IDataObject } from 'n8n-workflow';

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

function rawText(rawBody: unknown): string {
	return Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : '';
}

/**
 * A webhook body as a JSON object of its own keys only (no `__proto__`), or
 * what makes it none (`problem`). With `raw: true` the raw bytes are parsed,
 * as signed; otherwise n8n's parsed JSON body is taken, and any other body
 * (text/plain, no content type) is parsed from the raw bytes.
 */
export function jsonObjectBody(
	body: unknown,
	rawBody: unknown,
	{ raw = false }: { raw?: boolean } = {},
): { payload: IDataObject } | { problem: string } {
	if (!raw && isObject(body) && Object.keys(body).length > 0) return { payload: withoutProtoKeys(body) };
	const text = rawText(rawBody) || (!raw && typeof body === 'string' ? body : '');
	if (text.trim() === '') return { problem: 'the body is empty' };
	const parsed = jsonOf(text);
	if (parsed === undefined) return { problem: 'the body is not JSON' };
	if (!isObject(parsed)) return { problem: `the body is ${typeName(parsed)}, not a JSON object` };
	return { payload: withoutProtoKeys(parsed) };
}
