import type { IHttpRequestOptions } from 'n8n-workflow';

import { sendRequest } from './send';
import type { RequestContext, ServiceDefinition } from './service';

/** A downloaded file: its bytes, and the type and name the server gave, if any. */
export interface DownloadedFile {
	data: Buffer;
	mimeType?: string;
	fileName?: string;
}

function fileNameOf(contentDisposition: unknown): string | undefined {
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(String(contentDisposition ?? ''));
	if (!match) return undefined;
	try {
		return decodeURIComponent(match[1]);
	} catch {
		return match[1];
	}
}

/** Sends a request through the door and reads its answer as a file. */
export async function downloadFile(
	context: RequestContext,
	service: ServiceDefinition,
	options: IHttpRequestOptions,
	itemIndex?: number,
): Promise<DownloadedFile> {
	const response = await sendRequest(context, service, { ...options, encoding: 'arraybuffer', json: false }, { itemIndex });
	const contentType = response.headers['content-type'];
	return {
		data: Buffer.from(response.body as ArrayBuffer),
		mimeType: typeof contentType === 'string' ? contentType.split(';')[0].trim() : undefined,
		fileName: fileNameOf(response.headers['content-disposition']),
	};
}
