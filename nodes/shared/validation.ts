import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INode,
} from 'n8n-workflow';

import { clock } from './clock';

/** What an error about a field needs of any n8n context (execute, webhook, poll). */
export interface FieldContext {
	getNode(): INode;
	getItemIndex?(): number;
}

/** A value as an error shows it: JSON, or its kind when JSON cannot say (NaN, functions, cycles). */
function shown(found: unknown): string {
	if (typeof found === 'number' && !Number.isFinite(found)) return String(found);
	try {
		return JSON.stringify(found) ?? String(found);
	} catch {
		return Array.isArray(found) ? 'a list' : typeof found;
	}
}

/**
 * A bad value the node found before sending anything: names the field, the
 * rule and what it found. A NodeOperationError, except inside a declarative
 * node's request (the door's checks, run by n8n's RoutingNode, whose contexts
 * alone have getItemIndex): there n8n rewraps any error but a NodeApiError as
 * one with "Error code: none", which the error panel shows under "From
 * Desk360" as if the service had answered. So there it is a NodeApiError
 * with no HTTP code, no service message and no response, which n8n passes on
 * as it is and the panel shows like a NodeOperationError: message and
 * description, no "From" section.
 */
export function invalidField(
	context: FieldContext,
	field: string,
	rule: string,
	found?: unknown,
	place = "the node's parameters or the expression that fills it",
): NodeOperationError | NodeApiError {
	const value = found === undefined ? '' : ` (found: ${shown(found)})`;
	const message = `${field} ${rule}${value}`;
	const description = `Correct "${field}" in ${place}.`;
	const itemIndex = context.getItemIndex?.();
	if (itemIndex === undefined) return new NodeOperationError(context.getNode(), message, { description });
	return new NodeApiError(context.getNode(), {}, { message, description, itemIndex });
}

/** Keys that would reach an object's prototype instead of a field of its own. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isUnsafeKey(key: string): boolean {
	return UNSAFE_KEYS.has(key);
}

export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

/** A positive whole number given as a number or as digits. */
export function positiveInteger(value: unknown): number | undefined {
	const text = String(value ?? '').trim();
	if (!/^\d+$/.test(text)) return undefined;
	const number = Number(text);
	return number > 0 && Number.isSafeInteger(number) ? number : undefined;
}

/**
 * A calendar date as YYYY-MM-DD. Also takes an ISO date-time (what n8n's date
 * expressions such as {{ $now }} produce) or "YYYY-MM-DD HH:mm:ss" and keeps
 * its date part as written; anything else is undefined.
 */
export function calendarDate(value: unknown): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)/.exec(String(value ?? '').trim());
	if (!match) return undefined;
	const [, year, month, day] = match;
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	const valid =
		date.getUTCFullYear() === Number(year) &&
		date.getUTCMonth() === Number(month) - 1 &&
		date.getUTCDate() === Number(day);
	return valid ? `${year}-${month}-${day}` : undefined;
}

/** How one request field is checked (and normalised) before anything is sent. */
export interface FieldRule {
	/** The field's name as the user sees it in the node. */
	field: string;
	/** `segment`: an ID that is not a number but goes into a URL (letters, digits, _ - . : =, not starting with a dot). */
	type: 'text' | 'id' | 'segment' | 'email' | 'date' | 'jsonObject' | 'integer' | 'number' | 'phone' | 'url';
	/** Where the value goes: the body (default) or the query. */
	in?: 'body' | 'qs';
	required?: boolean;
	/** For IDs: 0 is allowed too (it has a meaning, such as "unassigned"). */
	zero?: boolean;
	/** Allowed values, for integers and texts. */
	oneOf?: Array<number | string>;
	/** Longest text allowed, in characters (Unicode code points, as the APIs count them). */
	maxLength?: number;
	/** Smallest and largest number allowed. */
	range?: [min: number, max: number];
	/**
	 * The value is a list: an array, or text with one entry per line or comma.
	 * Each entry is checked by `type`; the list is sent as an array.
	 */
	list?: boolean;
}

/** A phone number in international form: + and the country code, 7 to 15 digits in all. */
const INTERNATIONAL_PHONE = /^\+[1-9]\d{6,14}$/;

/** The entries of a list given as an array or as text with one entry per line or comma. */
export function listEntries(value: unknown): unknown[] {
	const entries = Array.isArray(value) ? value : isBlank(value) ? [] : String(value).split(/[\n,]/);
	return entries.map((entry) => (typeof entry === 'string' ? entry.trim() : entry)).filter((entry) => !isBlank(entry));
}

/**
 * A URL segment that stays one segment: no `/`, `?`, `#`, `%` (so no encoded
 * forms either) and no leading dot (so never `.` or `..`).
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.:=+-]{0,199}$/;

function checkValue(
	context: FieldContext,
	rule: FieldRule,
	value: unknown,
): unknown {
	switch (rule.type) {
		case 'text':
			if (typeof value === 'object' || (typeof value === 'number' && !Number.isFinite(value))) {
				throw invalidField(context, rule.field, 'must be text', value);
			}
			if (rule.oneOf && !rule.oneOf.includes(value as string)) {
				throw invalidField(context, rule.field, `must be one of ${rule.oneOf.join(', ')}`, value);
			}
			if (rule.maxLength !== undefined) {
				const length = [...String(value)].length;
				if (length > rule.maxLength) {
					throw invalidField(context, rule.field, `must be at most ${rule.maxLength} characters long`, `${length} characters`);
				}
			}
			return value;
		case 'number': {
			const number = typeof value === 'number' ? value : Number(String(value).trim());
			const [min, max] = rule.range ?? [-Infinity, Infinity];
			if (!Number.isFinite(number) || number < min || number > max) {
				const range = rule.range ? ` from ${min} to ${max}` : '';
				throw invalidField(context, rule.field, `must be a number${range}`, value);
			}
			return number;
		}
		case 'phone': {
			// Spaces, dashes, dots and brackets are only formatting.
			const phone = String(value).replace(/[\s\-.()]/g, '');
			if (!INTERNATIONAL_PHONE.test(phone)) {
				throw invalidField(
					context,
					rule.field,
					'must start with + and the country code, then digits only (7 to 15 digits in all, e.g. +905551234567)',
					value,
				);
			}
			return phone;
		}
		case 'url': {
			const text = String(value).trim();
			let protocol: string | undefined;
			try {
				protocol = new URL(text).protocol;
			} catch {
				protocol = undefined;
			}
			if (protocol !== 'https:' && protocol !== 'http:') {
				throw invalidField(context, rule.field, 'must be a web address starting with https:// or http://', value);
			}
			return text;
		}
		case 'segment': {
			const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
			if (text === undefined || !SAFE_SEGMENT.test(text)) {
				throw invalidField(
					context,
					rule.field,
					'must be an ID of letters, digits, _ - . : = + (not starting with a dot, at most 200 characters)',
					value,
				);
			}
			return text;
		}
		case 'id': {
			// 0 where the API gives it a meaning, such as Desk360's "unassigned" agent.
			if (rule.zero && String(value).trim() === '0') return 0;
			const id = positiveInteger(value);
			if (id === undefined) throw invalidField(context, rule.field, 'must be a positive whole number (an ID)', value);
			return id;
		}
		case 'integer': {
			const number = Number(value);
			if (!Number.isInteger(number) || (rule.oneOf && !rule.oneOf.includes(number))) {
				const allowed = rule.oneOf ? `one of ${rule.oneOf.join(', ')}` : 'a whole number';
				throw invalidField(context, rule.field, `must be ${allowed}`, value);
			}
			return number;
		}
		case 'email':
			if (!/^[^\s@]+@[^\s@]+$/.test(String(value).trim())) {
				throw invalidField(context, rule.field, 'must be an email address', value);
			}
			return String(value).trim();
		case 'date': {
			const date = calendarDate(value);
			if (date === undefined) throw invalidField(context, rule.field, 'must be a date as YYYY-MM-DD', value);
			return date;
		}
		case 'jsonObject': {
			let parsed: unknown = value;
			if (typeof value === 'string') {
				try {
					parsed = JSON.parse(value);
				} catch {
					throw invalidField(context, rule.field, 'must be valid JSON', value);
				}
			}
			if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
				throw invalidField(context, rule.field, 'must be a JSON object', value);
			}
			return JSON.stringify(parsed);
		}
	}
}

function checkList(context: FieldContext, rule: FieldRule, value: unknown): unknown[] | undefined {
	const entries = listEntries(value);
	if (entries.length === 0) {
		if (rule.required) throw invalidField(context, rule.field, 'is required and is empty');
		return undefined;
	}
	return entries.map((entry, index) =>
		checkValue(context, { ...rule, field: `${rule.field} (entry ${index + 1})` }, entry),
	);
}

/**
 * Checks one value against a rule and returns it normalised, or undefined when
 * it is blank and optional. For values a preSend step assembles itself.
 */
export function checkField(context: FieldContext, rule: FieldRule, value: unknown): unknown {
	if (rule.list) return checkList(context, rule, value);
	if (isBlank(value)) {
		if (rule.required) throw invalidField(context, rule.field, 'is required and is empty');
		return undefined;
	}
	return checkValue(context, rule, value);
}

/**
 * A preSend step that checks the request's fields against `rules` (keyed by
 * the API's field name), normalises them, and fails with the field's name
 * before anything is sent.
 */
export function validateRequest(rules: Record<string, FieldRule>) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		for (const [key, rule] of Object.entries(rules)) {
			// A dotted key names a field of a nested object, e.g. location.latitude.
			const path = key.split('.');
			const name = path.pop()!;
			let target = (rule.in === 'qs' ? requestOptions.qs : requestOptions.body) as IDataObject | undefined;
			for (const part of path) target = target?.[part] as IDataObject | undefined;
			const checked = checkField(this, rule, target?.[name]);
			if (checked === undefined) {
				if (target && name in target) delete target[name];
				continue;
			}
			target![name] = checked as IDataObject[string];
		}
		return requestOptions;
	};
}

/** The same day `years` later (29 February becomes 28 February), as YYYY-MM-DD. */
function yearsLater(date: string, years: number): string {
	const [year, month, day] = date.split('-').map(Number);
	const later = new Date(Date.UTC(year + years, month - 1, day));
	if (later.getUTCDate() !== day) later.setUTCDate(0);
	return later.toISOString().slice(0, 10);
}

/**
 * A preSend step that refuses an end date before the start date and, with
 * `maxYears`, a range longer than that; without an end date the range ends
 * today (UTC), as APIs that default the end date to today count it.
 */
export function validateDateOrder(
	startKey: string,
	endKey: string,
	fields: { start: string; end: string },
	where: 'body' | 'qs' = 'qs',
	maxYears?: number,
) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const target = (where === 'qs' ? requestOptions.qs : requestOptions.body) as IDataObject | undefined;
		const start = target?.[startKey];
		const end = target?.[endKey];
		if (typeof start === 'string' && typeof end === 'string' && end < start) {
			throw invalidField(this, fields.end, `must not be before ${fields.start} (${start})`, end);
		}
		if (maxYears !== undefined && typeof start === 'string') {
			const last = typeof end === 'string' ? end : new Date(clock.now()).toISOString().slice(0, 10);
			if (last > yearsLater(start, maxYears)) {
				const span = maxYears === 1 ? 'one year' : `${maxYears} years`;
				const until = typeof end === 'string' ? `${fields.end} (${end})` : `today (${last}; ${fields.end} is empty)`;
				throw invalidField(this, fields.start, `must be at most ${span} before ${until}`, start);
			}
		}
		return requestOptions;
	};
}
