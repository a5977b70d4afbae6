import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeExecutionData,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { downloadWhatsAppMedia, markWhatsAppMessagesRead } from '../Desk360/shared/whatsapp';
import { positiveInteger } from '../shared/validation';
import { isObject } from '../shared/webhookBody';
import { mediaOf } from './filters';
import type { WebhookEvent } from './parse';

interface ReceivedMessage {
	message: IDataObject;
	item: INodeExecutionData;
}

/** A failed call as the item shows it: the error's message and hint, never the request. */
function failure(error: unknown): IDataObject {
	const { message, description } = error as { message?: string; description?: string | null };
	return description ? { message, description } : { message };
}

/** The product of the API actions, as its ID; an error says it is missing. */
export function actionProduct(context: IWebhookFunctions | IHookFunctions): string {
	const value = context.getNodeParameter('product', '', { extractValue: true });
	if (positiveInteger(value) === undefined) {
		throw new NodeOperationError(context.getNode(), 'Product is not set to a Desk360 product ID', {
			description: 'Download Media and Mark as Read need the product (WhatsApp account) that receives these webhooks.',
		});
	}
	return String(value).trim();
}

/** The file name Desk360 lists under `attachments` (e.g. attachments.images[0].name), if any. */
function attachmentName(message: IDataObject): string | undefined {
	const attachments = isObject(message.attachments) ? Object.values(message.attachments) : [];
	for (const file of attachments.flat()) {
		if (isObject(file) && typeof file.name === 'string' && file.name !== '') return file.name;
	}
	return undefined;
}

async function downloadMedia(context: IWebhookFunctions, messages: ReceivedMessage[]): Promise<void> {
	const property = context.getNodeParameter('options.binaryPropertyName', 'data') as string;
	for (const { message, item } of messages) {
		const media = mediaOf(message);
		if (!media) continue;
		const mediaId = String(media.media_id);
		try {
			const file = await downloadWhatsAppMedia(context, actionProduct(context), mediaId);
			// The webhook states the media's type; the download's Content-Type may be generic.
			const mimeType = typeof media.mime_type === 'string' ? media.mime_type : file.mimeType;
			const fileName = file.fileName ?? attachmentName(message) ?? mediaId;
			item.binary = {
				...item.binary,
				[property]: await context.helpers.prepareBinaryData(file.data, fileName, mimeType),
			};
		} catch (error) {
			item.json.mediaError = failure(error);
		}
	}
}

/** One request marks every message of the webhook read. */
async function markAsRead(context: IWebhookFunctions, messages: ReceivedMessage[]): Promise<void> {
	try {
		const ids = messages.map(({ message }) => String(message.id));
		await markWhatsAppMessagesRead(context, actionProduct(context), ids);
		for (const { item } of messages) item.json.markedAsRead = true;
	} catch (error) {
		for (const { item } of messages) {
			item.json.markedAsRead = false;
			item.json.markAsReadError = failure(error);
		}
	}
}

/**
 * Runs the chosen API actions for the received messages among the events
 * (`items[i]` is the item of `events[i]`). A failed call never drops the
 * event: its error goes into the item (mediaError, markAsReadError).
 */
export async function runApiActions(
	context: IWebhookFunctions,
	events: WebhookEvent[],
	items: INodeExecutionData[],
	actions: string[],
): Promise<void> {
	const messages = events.flatMap((event, index) =>
		event.kind === 'messageReceived' ? [{ message: event.data, item: items[index] }] : [],
	);
	if (messages.length === 0) return;
	if (actions.includes('downloadMedia')) await downloadMedia(context, messages);
	if (actions.includes('markAsRead')) await markAsRead(context, messages);
}
