import { NodeHelpers, type IDataObject, type INode, type INodeParameters, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import { invalidField, type FieldContext } from './validation';

/** Fields that take a list (an array, or text with one entry per comma or line). */
const listParameters = new WeakSet<INodeProperties>();

/** Marks a text field that also takes a list given by expression, such as `{{ [$json.id] }}`. */
export function listParameter(field: INodeProperties): INodeProperties {
	listParameters.add(field);
	return field;
}

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
	return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function allowedValues(field: INodeProperties): Array<Scalar> | undefined {
	// Dropdowns filled from the account cannot be checked here; the API checks them.
	if (field.typeOptions?.loadOptionsMethod || !field.options) return undefined;
	return (field.options as INodePropertyOptions[]).map((option) => option.value as Scalar);
}

function isAllowed(allowed: Scalar[], value: unknown): boolean {
	// An expression gives text: "2" picks the option 2.
	return isScalar(value) && allowed.some((option) => option === value || String(option) === String(value));
}

function numberRange(min: number | undefined, max: number | undefined): string {
	if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
	if (min !== undefined) return ` of at least ${min}`;
	return max === undefined ? '' : ` of at most ${max}`;
}

/**
 * Checks one parameter value against what its field can hold, whatever an
 * expression produced: text fields hold text (not objects, lists or NaN),
 * numbers are finite and within the field's bounds, options are one of the
 * documented values. The request is never built from anything else.
 */
function checkValue(context: FieldContext, field: INodeProperties, value: unknown, root: INodeParameters): void {
	if (value === undefined || value === null || value === '') return;
	const fail = (rule: string) => {
		throw invalidField(context, field.displayName, rule, value);
	};
	switch (field.type) {
		case 'string':
			if (listParameters.has(field) && Array.isArray(value) && value.every(isScalar)) return;
			if (!isScalar(value)) fail('must be text');
			return;
		case 'number': {
			const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
			const { minValue, maxValue, numberPrecision } = field.typeOptions ?? {};
			const whole = numberPrecision === 0;
			const valid =
				typeof number === 'number' &&
				Number.isFinite(number) &&
				(!whole || Number.isInteger(number)) &&
				(minValue === undefined || number >= minValue) &&
				(maxValue === undefined || number <= maxValue);
			if (!valid) fail(`must be ${whole ? 'a whole number' : 'a number'}${numberRange(minValue, maxValue)}`);
			return;
		}
		case 'boolean':
			if (typeof value !== 'boolean') fail('must be true or false');
			return;
		case 'options': {
			const allowed = allowedValues(field);
			if (allowed ? !isAllowed(allowed, value) : !isScalar(value)) {
				fail(allowed ? `must be one of ${allowed.map(String).join(', ')}` : 'must be a single value');
			}
			return;
		}
		case 'multiOptions': {
			const allowed = allowedValues(field);
			const values = Array.isArray(value) ? value : [value];
			if (values.some((entry) => (allowed ? !isAllowed(allowed, entry) : !isScalar(entry)))) {
				fail(allowed ? `must list only ${allowed.map(String).join(', ')}` : 'must list single values');
			}
			return;
		}
		case 'resourceLocator': {
			const locator = typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject).value : value;
			if (locator !== undefined && locator !== '' && !isScalar(locator)) fail('must be an ID');
			return;
		}
		case 'collection':
			if (typeof value !== 'object' || Array.isArray(value)) return fail('must be a set of fields');
			checkFields(context, field.options as INodeProperties[], value as IDataObject, root);
			return;
		case 'fixedCollection':
			if (typeof value !== 'object' || Array.isArray(value)) return fail('must be a set of fields');
			for (const group of field.options as Array<{ name: string; values: INodeProperties[] }>) {
				const entries = (value as IDataObject)[group.name];
				if (entries === undefined) continue;
				for (const entry of Array.isArray(entries) ? entries : [entries]) {
					if (typeof entry !== 'object' || entry === null) fail('must be a set of fields');
					checkFields(context, group.values, entry as IDataObject, root);
				}
			}
			return;
		default:
			// json, dateTime and the rest are checked by the operation's own rules.
			return;
	}
}

/**
 * Checks the values of `fields` found in `values` (the node's parameters, or a
 * collection's): only fields whose display conditions hold, as n8n's routing
 * uses only those. The conditions are read on `displayValues` (the raw
 * parameters beside the field) and `root` (the node's raw parameters).
 */
export function checkFields(
	context: FieldContext,
	fields: INodeProperties[],
	values: IDataObject,
	root: INodeParameters,
	displayValues: INodeParameters = values as INodeParameters,
): void {
	const node = context.getNode() as INode;
	for (const field of fields) {
		if (!Object.prototype.hasOwnProperty.call(values, field.name)) continue;
		if (!NodeHelpers.displayParameter(displayValues, field, node, null, root)) continue;
		checkValue(context, field, values[field.name], root);
	}
}
