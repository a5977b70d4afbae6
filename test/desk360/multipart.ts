import type { INodeExecutionData } from 'n8n-workflow';

/** A file of a multipart request as the server received it. */
export interface ReceivedFile {
	part: string;
	fileName: string;
	type: string;
	size: number;
	bytes: Buffer;
}

export interface ReceivedForm {
	contentType: string;
	/** Every text field as [part name, value], sorted by part name (their order means nothing to the server). */
	fields: Array<[string, string]>;
	files: ReceivedFile[];
}

/**
 * Parses the body of a recorded multipart request (nock hands binary bodies
 * over as hex, text ones as they are) with Node's own form-data parser.
 */
export async function receivedForm(request: { body: unknown; headers: Record<string, unknown> }): Promise<ReceivedForm> {
	const contentType = String(request.headers['content-type']);
	const text = String(request.body);
	const raw = text.startsWith('--') ? Buffer.from(text, 'utf8') : Buffer.from(text, 'hex');
	const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
	const received: ReceivedForm = { contentType, fields: [], files: [] };
	const files: Array<[string, File]> = [];
	form.forEach((value, part) => {
		if (typeof value === 'string') received.fields.push([part, value]);
		else files.push([part, value]);
	});
	received.fields.sort(([a], [b]) => a.localeCompare(b));
	for (const [part, file] of files) {
		const bytes = Buffer.from(await file.arrayBuffer());
		received.files.push({ part, fileName: file.name, type: file.type, size: file.size, bytes });
	}
	return received;
}

/** An input item carrying files in binary fields, as n8n passes them between nodes. */
export function itemWithFiles(
	files: Record<string, { bytes: Buffer; mimeType: string; fileName?: string }>,
	json: INodeExecutionData['json'] = {},
): INodeExecutionData {
	return {
		json,
		binary: Object.fromEntries(
			Object.entries(files).map(([name, file]) => [
				name,
				{ data: file.bytes.toString('base64'), mimeType: file.mimeType, fileName: file.fileName },
			]),
		),
	};
}

/** Bytes that are not valid UTF-8, so a file part cannot pass as text by accident. */
export function binaryBytes(size: number, seed = 7): Buffer {
	return Buffer.from(Array.from({ length: size }, (_, index) => (index * 31 + seed) % 256));
}
