import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { sendRequest, type RequestContext } from '../../shared/transport';
import { desk360BaseUrl } from './login';
import { desk360Service } from './transport';

export interface WhatsAppMedia {
	data: Buffer;
	mimeType?: string;
	fileName?: string;
}

async function messagesRequest(
	context: RequestContext,
	productId: string | number,
	path: string,
	options: Partial<IHttpRequestOptions>,
	itemIndex?: number,
) {
	const credentials = await context.getCredentials(desk360Service.credentialType);
	return await sendRequest(
		context,
		desk360Service,
		{
			baseURL: desk360BaseUrl(credentials),
			url: `/v1/products/${encodeURIComponent(String(productId))}/conversations/messages${path}`,
			method: 'GET',
			...options,
		},
		itemIndex,
	);
}

function fileNameOf(contentDisposition: unknown): string | undefined {
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(String(contentDisposition ?? ''));
	return match ? decodeURIComponent(match[1]) : undefined;
}

/** Downloads the file of a WhatsApp media message (GET .../messages/media/:mediaId). */
export async function downloadWhatsAppMedia(
	context: RequestContext,
	productId: string | number,
	mediaId: string,
	itemIndex?: number,
): Promise<WhatsAppMedia> {
	const response = await messagesRequest(
		context,
		productId,
		`/media/${encodeURIComponent(mediaId)}`,
		{ encoding: 'arraybuffer', json: false },
		itemIndex,
	);
	const contentType = response.headers['content-type'];
	return {
		data: Buffer.from(response.body as unknown as ArrayBuffer),
		mimeType: typeof contentType === 'string' ? contentType.split(';')[0].trim() : undefined,
		fileName: fileNameOf(response.headers['content-disposition']),
	};
}

/** Marks received WhatsApp messages as read (POST .../messages/read). */
export async function markWhatsAppMessagesRead(
	context: RequestContext,
	productId: string | number,
	messageIds: string[],
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await messagesRequest(
		context,
		productId,
		'/read',
		{ method: 'POST', body: { message_ids: messageIds }, json: true },
		itemIndex,
	);
	return (response.body ?? {}) as IDataObject;
}
