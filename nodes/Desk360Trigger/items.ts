import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { messageCategory } from './filters';
import type { WebhookEvent } from './parse';

/**
 * Desk360's epoch timestamp (seconds, as a string or a number) as ISO 8601;
 * null when absent or not a timestamp. 12 digits and more are read as milliseconds.
 */
export function isoTimestamp(value: unknown): string | null {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const text = String(value).trim();
	if (!/^\d{1,13}$/.test(text)) return null;
	const number = Number(text);
	return new Date(text.length >= 12 ? number : number * 1000).toISOString();
}

/** The item of one event: Desk360's fields, the event kind and the timestamp as ISO 8601. */
export function eventItem(event: WebhookEvent, rawPayload?: IDataObject): INodeExecutionData {
	const json: IDataObject = Object.assign({ event: event.kind }, event.data, {
		event: event.kind,
		timestampIso: isoTimestamp(event.data.timestamp),
	});
	if (event.kind === 'messageReceived') json.messageType = messageCategory(event.data);
	if (event.position !== undefined) {
		json.position = event.position;
		json.total = event.total;
	}
	if (rawPayload) json.rawPayload = rawPayload;
	return { json };
}
