import type { IDataObject } from 'n8n-workflow';

import { isObject, jsonObjectBody, typeName } from '../shared/webhookBody';

/** The kinds of WhatsApp webhook Desk360 posts, named as in the node's Events option. */
export type EventKind = 'messageReceived' | 'statusUpdate' | 'chatbotHistory' | 'autoReply';

/** One event of a webhook body: a message, a status, one chatbot turn or one auto reply. */
export interface WebhookEvent {
	kind: EventKind;
	data: IDataObject;
	/** Place (from 1) and count when the body held a list of them. */
	position?: number;
	total?: number;
}

/** A body that is not a Desk360 WhatsApp webhook. */
class PayloadError extends Error {}

interface KindRule {
	key: string;
	kind: EventKind;
	/** Fields each event must have as a non-empty string. */
	required: string[];
}

/** The top-level keys Desk360 uses, in the order their events become items. */
const KINDS: KindRule[] = [
	{ key: 'messages', kind: 'messageReceived', required: ['id', 'type'] },
	{ key: 'statuses', kind: 'statusUpdate', required: ['id', 'status'] },
	{ key: 'bot_histories', kind: 'chatbotHistory', required: [] },
	{ key: 'auto_replies', kind: 'autoReply', required: [] },
];

/** Fields that, when present, must have one of these JSON types. */
const TYPED_FIELDS: Record<string, string[]> = {
	id: ['string'],
	timestamp: ['string', 'number'],
	type: ['string'],
	status: ['string'],
};

function checkEvent(rule: KindRule, value: unknown, where: string): IDataObject {
	if (!isObject(value)) throw new PayloadError(`${where} is ${typeName(value)}, not an object`);
	for (const field of rule.required) {
		if (typeof value[field] !== 'string' || value[field] === '') {
			throw new PayloadError(`${where}.${field} is missing or not a text`);
		}
	}
	for (const [field, types] of Object.entries(TYPED_FIELDS)) {
		const fieldValue = value[field];
		if (fieldValue !== undefined && !types.includes(typeof fieldValue)) {
			throw new PayloadError(`${where}.${field} is ${typeName(fieldValue)}, not a ${types.join(' or ')}`);
		}
	}
	return value;
}

/** Every event of a webhook body, in body order; a PayloadError names what is wrong. */
function eventsOf(payload: IDataObject): WebhookEvent[] {
	const present = KINDS.filter((rule) => payload[rule.key] !== undefined);
	if (present.length === 0) {
		throw new PayloadError(
			`none of the keys ${KINDS.map((rule) => rule.key).join(', ')} is in the body`,
		);
	}
	const events: WebhookEvent[] = [];
	for (const rule of present) {
		const value = payload[rule.key];
		if (!Array.isArray(value)) {
			events.push({ kind: rule.kind, data: checkEvent(rule, value, rule.key) });
			continue;
		}
		value.forEach((entry, index) => {
			const data = checkEvent(rule, entry, `${rule.key}[${index}]`);
			events.push({ kind: rule.kind, data, position: index + 1, total: value.length });
		});
	}
	return events;
}

export interface ReadWebhook {
	payload: IDataObject;
	events: WebhookEvent[];
}

/**
 * The body of a webhook request and its events, or what makes it no Desk360
 * webhook (`problem`). `body` is what n8n parsed, `rawBody` the bytes received.
 */
export function readWebhook(body: unknown, rawBody: unknown): ReadWebhook | { problem: string } {
	const read = jsonObjectBody(body, rawBody);
	if ('problem' in read) return read;
	try {
		return { payload: read.payload, events: eventsOf(read.payload) };
	} catch (error) {
		// eventsOf throws only PayloadErrors, each naming what is wrong.
		return { problem: (error as PayloadError).message };
	}
}
