// Laravel-like validation for the Desk360 side: rules per field path (with `*`
// for every list entry), the first failure answered as failed_validation with
// Laravel's message ("The email field is required.").
import { ApiError } from './router.mjs';

export const DESK360_DOC_URL = 'https://docs.desk360.com/api';

export function failedValidation(message) {
	return new ApiError(422, 'failed_validation', message);
}

/** Laravel shows `reason_id` as "reason id". */
function label(path) {
	return path.replace(/_/g, ' ');
}

function isEmpty(value) {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

function valueAt(data, path) {
	return path.split('.').reduce((node, key) => (node === null || typeof node !== 'object' ? undefined : node[key]), data);
}

/** `contacts.*.name` -> every concrete path present in the data. */
function expand(data, path) {
	const star = path.indexOf('*');
	if (star === -1) return [path];
	const head = path.slice(0, star - 1);
	const list = valueAt(data, head);
	if (!Array.isArray(list)) return [];
	return list.flatMap((_, index) => expand(data, `${head}.${index}${path.slice(star + 1)}`));
}

const INTEGER = /^-?\d+$/;

/** A rule: (value, attribute, data) -> message or undefined. `implicit` rules also run on empty values. */
function implicit(rule) {
	rule.implicit = true;
	return rule;
}

export const rules = {
	required: implicit((value, attr) => (isEmpty(value) ? `The ${attr} field is required.` : undefined)),
	requiredIf: (other, expected) =>
		implicit((value, attr, data) =>
			isEmpty(value) && valueAt(data, other) === expected
				? `The ${attr} field is required when ${label(other)} is ${expected}.`
				: undefined,
		),
	requiredWith: (other) =>
		implicit((value, attr, data) =>
			isEmpty(value) && !isEmpty(valueAt(data, other))
				? `The ${attr} field is required when ${label(other)} is present.`
				: undefined,
		),
	requiredWithout: (other, present) =>
		implicit((value, attr, data) =>
			isEmpty(value) && !present(data) ? `The ${attr} field is required when ${label(other)} is not present.` : undefined,
		),
	string: (value, attr) => (typeof value === 'string' ? undefined : `The ${attr} must be a string.`),
	integer: (value, attr) =>
		Number.isInteger(value) || (typeof value === 'string' && INTEGER.test(value.trim()))
			? undefined
			: `The ${attr} must be an integer.`,
	numeric: (value, attr) =>
		(typeof value === 'number' && Number.isFinite(value)) ||
		(typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
			? undefined
			: `The ${attr} must be a number.`,
	boolean: (value, attr) =>
		[true, false, 0, 1, '0', '1', 'true', 'false'].includes(value) ? undefined : `The ${attr} field must be true or false.`,
	email: (value, attr) =>
		typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : `The ${attr} must be a valid email address.`,
	array: (value, attr) =>
		Array.isArray(value) || (value !== null && typeof value === 'object') ? undefined : `The ${attr} must be an array.`,
	json: (value, attr) => {
		if (typeof value !== 'string') return `The ${attr} must be a valid JSON string.`;
		try {
			JSON.parse(value);
			return undefined;
		} catch {
			return `The ${attr} must be a valid JSON string.`;
		}
	},
	/** Characters for strings (code points, as mb_strlen), items for lists. */
	max: (limit) => (value, attr) => {
		if (Array.isArray(value)) return value.length > limit ? `The ${attr} must not have more than ${limit} items.` : undefined;
		return [...String(value)].length > limit ? `The ${attr} must not be greater than ${limit} characters.` : undefined;
	},
	minItems: (limit) => (value, attr) =>
		Array.isArray(value) && value.length < limit ? `The ${attr} must have at least ${limit} items.` : undefined,
	in: (allowed) => (value, attr) => (allowed.map(String).includes(String(value)) ? undefined : `The selected ${attr} is invalid.`),
	dateYmd: (value, attr) => (isDate(value) ? undefined : `The ${attr} does not match the format Y-m-d.`),
	/** WhatsApp numbers: + and the country code, then digits. */
	phone: (value, attr) => (isPhone(value) ? undefined : `The ${attr} format is invalid.`),
	/** Values of a list field must differ (`buttons.*.title`). */
	distinct: (listPath, key) => (value, attr, data) => {
		const list = valueAt(data, listPath);
		const same = Array.isArray(list) ? list.filter((entry) => entry && entry[key] === value).length : 0;
		return same > 1 ? `The ${attr} field has a duplicate value.` : undefined;
	},
	exists: (check) => (value, attr) => (check(value) ? undefined : `The selected ${attr} is invalid.`),
};

export function isPhone(value) {
	return typeof value === 'string' && /^\+[1-9]\d{6,14}$/.test(value);
}

export function isDate(value) {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Checks `data` against `{ 'path': [rule, ...] }` and throws the first failure
 * as failed_validation. Non-implicit rules skip empty (absent) values, as Laravel's.
 */
export function validate(data, schema) {
	for (const [pattern, fieldRules] of Object.entries(schema)) {
		for (const path of expand(data, pattern)) {
			const value = valueAt(data, path);
			for (const rule of fieldRules) {
				if (!rule.implicit && isEmpty(value)) continue;
				const message = rule(value, label(path), data);
				if (message) throw failedValidation(message);
			}
		}
	}
}

/** Laravel's "Integer" query/body values arrive as strings from forms and queries. */
export function toInt(value) {
	return value === undefined || value === null || value === '' ? undefined : Number(value);
}

export function toBool(value) {
	return value === true || value === 1 || value === '1' || value === 'true';
}
