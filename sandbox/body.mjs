// Request bodies: JSON, multipart form data and url-encoded forms. Form fields
// are read back the way Laravel does (`a[b][0]=x` -> { a: { b: ['x'] } }),
// files are kept apart with their name, type, size and sha256.
import { createHash } from 'node:crypto';

/** Larger bodies are refused: 5 files of 20 MB and a margin. */
const MAX_BODY_BYTES = 110 * 1024 * 1024;

export class BodyError extends Error {
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

export async function readRaw(req) {
	const chunks = [];
	let size = 0;
	for await (const chunk of req) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) throw new BodyError(413, 'The request body is too large.');
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/** `a[b][]` -> ['a', 'b', ''] */
function keyPath(name) {
	const match = /^([^[]*)((?:\[[^\]]*\])*)$/.exec(name);
	if (!match || match[1] === '') return [name];
	const rest = [...match[2].matchAll(/\[([^\]]*)\]/g)].map((part) => part[1]);
	return [match[1], ...rest];
}

function assign(target, path, value) {
	let node = target;
	path.forEach((key, index) => {
		const last = index === path.length - 1;
		const slot = key === '' ? String(Object.keys(node).length) : key;
		if (last) node[slot] = value;
		else node = node[slot] ??= {};
	});
}

/** Objects whose keys are 0..n-1 become lists, as PHP arrays serialise. */
function listify(value) {
	if (value === null || typeof value !== 'object') return value;
	const keys = Object.keys(value);
	for (const key of keys) value[key] = listify(value[key]);
	const isList = keys.length > 0 && keys.every((key, index) => key === String(index));
	return isList ? keys.map((key) => value[key]) : value;
}

/** The field name without its brackets: `attachments[]` -> `attachments`. */
export function baseName(field) {
	return keyPath(field)[0];
}

async function readForm(raw, contentType) {
	const form = await new Request('http://sandbox.local/', {
		method: 'POST',
		headers: { 'content-type': contentType },
		body: raw,
	}).formData();
	const body = {};
	const files = [];
	for (const [field, value] of form) {
		if (typeof value === 'string') {
			assign(body, keyPath(field), value);
			continue;
		}
		const bytes = Buffer.from(await value.arrayBuffer());
		files.push({
			field,
			name: value.name,
			type: value.type || 'application/octet-stream',
			size: bytes.length,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			bytes,
		});
	}
	return { body: listify(body), files, multipart: contentType.toLowerCase().startsWith('multipart/') };
}

/**
 * Reads and parses a request body: `{ body, files, multipart }`. A body that
 * claims JSON and is not JSON is refused (400).
 */
export async function readBody(req) {
	const raw = await readRaw(req);
	// The multipart boundary is case-sensitive: only the media type is compared in lower case.
	const header = String(req.headers['content-type'] ?? '');
	const contentType = header.toLowerCase();
	if (raw.length === 0) return { body: {}, files: [], multipart: false };
	if (contentType.startsWith('multipart/form-data') || contentType.startsWith('application/x-www-form-urlencoded')) {
		try {
			return await readForm(raw, header);
		} catch {
			throw new BodyError(400, 'The form data of the request could not be read.');
		}
	}
	if (contentType === '' || contentType.includes('json')) {
		try {
			const body = JSON.parse(raw.toString('utf8'));
			return { body: body ?? {}, files: [], multipart: false };
		} catch {
			throw new BodyError(400, 'The request body is not valid JSON.');
		}
	}
	throw new BodyError(415, 'Only application/json, multipart/form-data and application/x-www-form-urlencoded bodies are supported.');
}

/** What the stats keep of a file: no bytes. */
export function fileSummary({ field, name, type, size, sha256 }) {
	return { field, name, type, size, sha256 };
}
