import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';

/** A bad value the node found before sending anything: names the field, the rule and what it found. */
export function invalidField(
	context: IExecuteSingleFunctions,
	field: string,
	rule: string,
	found?: unknown,
): NodeOperationError {
	const shown = found === undefined ? '' : ` (found: ${JSON.stringify(found)})`;
	return new NodeOperationError(context.getNode(), `${field} ${rule}${shown}`, {
		itemIndex: context.getItemIndex(),
		description: `Correct "${field}" in the node's parameters or the expression that fills it.`,
	});
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
 * expressions produce) and keeps its date part; anything else is undefined.
 */
export function calendarDate(value: unknown): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(String(value ?? '').trim());
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
	type: 'text' | 'id' | 'email' | 'date' | 'jsonObject' | 'integer';
	in?: 'body' | 'qs';
	required?: boolean;
	/** Allowed values, for integers. */
	oneOf?: number[];
}

function checkValue(
	context: IExecuteSingleFunctions,
	rule: FieldRule,
	value: unknown,
): unknown {
	switch (rule.type) {
		case 'text':
			return value;
		case 'id': {
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
			const target = (rule.in === 'qs' ? requestOptions.qs : requestOptions.body) as
				| IDataObject
				| undefined;
			const value = target?.[key];
			if (isBlank(value)) {
				if (rule.required) throw invalidField(this, rule.field, 'is required and is empty');
				if (target && key in target) delete target[key];
				continue;
			}
			target![key] = checkValue(this, rule, value) as IDataObject[string];
		}
		return requestOptions;
	};
}

/** A preSend step that refuses an end date before the start date. */
export function validateDateOrder(
	startKey: string,
	endKey: string,
	fields: { start: string; end: string },
	where: 'body' | 'qs' = 'qs',
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
		return requestOptions;
	};
}
