import type { IDataObject } from 'n8n-workflow';

import { downloadFile, type DownloadedFile } from '../../shared/download';
import { sendRequest } from '../../shared/send';
import type { RequestContext } from '../../shared/service';
import { MEDIA_URL, READ_URL } from '../resources/whatsappMessage/shared';
import { desk360Url } from './pathIds';
import { desk360Service } from './service';

/*
 * The WhatsApp calls of the Desk360 WhatsApp Trigger's API actions: the same
 * URLs, ID rules and door as the node's Download Media and Mark as Read.
 */

/** Downloads the file of a WhatsApp media message (GET .../messages/media/:mediaId). */
export async function downloadWhatsAppMedia(
	context: RequestContext,
	productId: unknown,
	mediaId: unknown,
): Promise<DownloadedFile> {
	const url = desk360Url(context, MEDIA_URL, { product: productId, mediaId });
	return await downloadFile(context, desk360Service, { method: 'GET', url });
}

/** Marks received WhatsApp messages as read (POST .../messages/read). */
export async function markWhatsAppMessagesRead(
	context: RequestContext,
	productId: unknown,
	messageIds: string[],
): Promise<IDataObject> {
	const url = desk360Url(context, READ_URL, { product: productId });
	const response = await sendRequest(context, desk360Service, {
		method: 'POST',
		url,
		body: { message_ids: messageIds },
		json: true,
	});
	return (response.body ?? {}) as IDataObject;
}
