import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** What an operation's output objects look like: readable values, and a short set with Simplify. */
export interface OutputRule {
	/** Adds readable values next to the API's codes (status_name, ...); `timeZone` is the workflow's. */
	readable?: (object: IDataObject, timeZone: string) => IDataObject;
	/** The fields kept when the operation's Simplify switch is on (the API's own and the readable ones). */
	simplified?: string[];
}

/** The Simplify switch of an operation whose answers are big; its description lists what it keeps. */
export function simplifyField(rule: OutputRule): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return only these fields: ${rule.simplified!.join(', ')}. Off returns every field the API sends.`,
	};
}

function pick(object: IDataObject, fields: string[]): IDataObject {
	return Object.fromEntries(fields.filter((field) => field in object).map((field) => [field, object[field]]));
}

/** The objects as the operation shows them: readable values added, then, with `simplify`, only the short set. */
export function shapeOutput(
	objects: IDataObject[],
	rule: OutputRule,
	{ simplify, timeZone }: { simplify: boolean; timeZone: string },
): IDataObject[] {
	return objects.map((object) => {
		const readable = rule.readable ? rule.readable(object, timeZone) : object;
		return simplify && rule.simplified ? pick(readable, rule.simplified) : readable;
	});
}
