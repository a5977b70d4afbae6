import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { invalidField, isUnsafeKey, listEntries } from '../../shared/validation';

/** One file read from a binary field of the input item. */
export interface BinaryFile {
	/** The binary field it came from. */
	property: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/** A parameter naming binary fields of the input item, and where and how they are sent. */
export interface FileField {
	/** The node parameter holding the binary field names (a path into a collection is fine). */
	parameter: string;
	/** Its name as the user sees it, for errors. */
	field: string;
	/** The form-data part the files go in, e.g. `attachments[]`. */
	part: string;
	required?: boolean;
	maxFiles?: number;
	maxBytes?: number;
	/** Further checks of a file's content, before anything is sent. */
	check?: (context: IExecuteSingleFunctions, file: BinaryFile) => void;
}

function megabytes(bytes: number): string {
	return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The binary field of the current input item, or an error naming the field and the item. */
function binaryOf(context: IExecuteSingleFunctions, spec: FileField, property: string) {
	if (isUnsafeKey(property)) {
		throw invalidField(context, spec.field, 'must not name a reserved binary field name', property);
	}
	const binaries = context.getInputData().binary ?? {};
	// Only the item's own fields: "toString" is no file of the item.
	if (!Object.prototype.hasOwnProperty.call(binaries, property)) {
		const present = Object.keys(binaries);
		const has = present.length ? `its binary fields: ${present.join(', ')}` : 'it has no binary fields';
		throw invalidField(
			context,
			spec.field,
			`names the binary field "${property}", which input item ${context.getItemIndex()} does not have (${has})`,
		);
	}
	return context.helpers.assertBinaryData(property);
}

/** Reads the files a FileField names, checking their count and sizes. */
export async function readBinaryFiles(context: IExecuteSingleFunctions, spec: FileField): Promise<BinaryFile[]> {
	const properties = listEntries(context.getNodeParameter(spec.parameter, '')).map(String);
	if (properties.length === 0) {
		if (spec.required) throw invalidField(context, spec.field, 'is required and is empty');
		return [];
	}
	if (spec.maxFiles !== undefined && properties.length > spec.maxFiles) {
		throw invalidField(
			context,
			spec.field,
			`must name at most ${spec.maxFiles} binary field${spec.maxFiles === 1 ? '' : 's'}`,
			properties,
		);
	}
	const files: BinaryFile[] = [];
	for (const property of properties) {
		const binary = binaryOf(context, spec, property);
		const data = await context.helpers.getBinaryDataBuffer(property);
		if (spec.maxBytes !== undefined && data.length > spec.maxBytes) {
			throw invalidField(
				context,
				spec.field,
				`file "${property}" must be at most ${megabytes(spec.maxBytes)} (${spec.maxBytes} bytes)`,
				`${data.length} bytes`,
			);
		}
		const file = {
			property,
			fileName: binary.fileName || property,
			mimeType: binary.mimeType || 'application/octet-stream',
			data,
		};
		spec.check?.(context, file);
		files.push(file);
	}
	return files;
}

/** Adds a body value as form fields the way Laravel reads them back: key[sub] for objects and lists. */
function appendField(form: FormData, key: string, value: unknown): void {
	if (value === undefined || value === null) return;
	if (Array.isArray(value)) {
		value.forEach((entry, index) => appendField(form, `${key}[${index}]`, entry));
	} else if (typeof value === 'object') {
		for (const [name, entry] of Object.entries(value)) appendField(form, `${key}[${name}]`, entry);
	} else if (typeof value === 'boolean') {
		form.append(key, value ? '1' : '0');
	} else {
		form.append(key, String(value));
	}
}

/**
 * Replaces the JSON body with multipart form data: the same fields plus the
 * files. The Content-Type goes too: axios then writes the multipart one with
 * its boundary (with a JSON Content-Type it would serialise the form as JSON).
 * The form can be sent again as is, so a retried request carries the files again.
 */
export function toMultipart(
	requestOptions: IHttpRequestOptions,
	files: Array<{ part: string; file: BinaryFile }>,
): IHttpRequestOptions {
	const form = new FormData();
	for (const [key, value] of Object.entries((requestOptions.body ?? {}) as IDataObject)) {
		appendField(form, key, value);
	}
	for (const { part, file } of files) {
		form.append(part, new Blob([new Uint8Array(file.data)], { type: file.mimeType }), file.fileName);
	}
	const headers = { ...requestOptions.headers };
	for (const name of Object.keys(headers)) {
		if (name.toLowerCase() === 'content-type') delete headers[name];
	}
	return { ...requestOptions, headers, body: form as unknown as IHttpRequestOptions['body'] };
}

/**
 * A preSend step for requests that may carry files: with files named in the
 * parameters the body goes as multipart form data, without it stays JSON.
 */
export function sendFiles(...fields: FileField[]) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const files: Array<{ part: string; file: BinaryFile }> = [];
		for (const field of fields) {
			for (const file of await readBinaryFiles(this, field)) files.push({ part: field.part, file });
		}
		return files.length === 0 ? requestOptions : toMultipart(requestOptions, files);
	};
}
