import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { isObject } from '../shared/webhookBody';
import type { WebhookEvent } from './parse';

export type MessageCategory = 'text' | 'location' | 'contacts' | 'media' | 'button' | 'other';

export type StatusCategory = 'delivered' | 'read' | 'other';

/** WhatsApp's types for a tapped reply button (interactive and template quick-reply buttons). */
const BUTTON_TYPES = new Set(['button', 'button_reply', 'interactive', 'quick_reply']);

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'voice', 'document', 'sticker', 'file']);

/** The media object of a media message (`image`, `video`, ...: `{media_id, mime_type, ...}`), if any. */
export function mediaOf(message: IDataObject): IDataObject | undefined {
	const media = message[String(message.type)];
	return isObject(media) && typeof media.media_id === 'string' && media.media_id !== '' ? media : undefined;
}

export function messageCategory(message: IDataObject): MessageCategory {
	const type = String(message.type).toLowerCase();
	if (type === 'text' || type === 'location' || type === 'contacts') return type;
	if (BUTTON_TYPES.has(type)) return 'button';
	if (MEDIA_TYPES.has(type) || mediaOf(message)) return 'media';
	return 'other';
}

export function statusCategory(status: IDataObject): StatusCategory {
	const value = String(status.status).toLowerCase();
	return value === 'delivered' || value === 'read' ? value : 'other';
}

export interface EventFilters {
	events: string[];
	messageTypes: string[];
	statuses: string[];
}

export function readFilters(context: IWebhookFunctions): EventFilters {
	return {
		events: context.getNodeParameter('events', []) as string[],
		messageTypes: context.getNodeParameter('messageTypes', []) as string[],
		statuses: context.getNodeParameter('statuses', []) as string[],
	};
}

/** An empty list filters nothing out, so a cleared option never silences the trigger. */
function allows(selected: string[], value: string): boolean {
	return selected.length === 0 || selected.includes(value);
}

export function isSelected(event: WebhookEvent, filters: EventFilters): boolean {
	if (!allows(filters.events, event.kind)) return false;
	if (event.kind === 'messageReceived') return allows(filters.messageTypes, messageCategory(event.data));
	if (event.kind === 'statusUpdate') return allows(filters.statuses, statusCategory(event.data));
	return true;
}
