import type { IDataObject } from 'n8n-workflow';

/**
 * The top-level fields an event name is looked for in, in this order.
 * Inferred, not documented: the part of Sendbird's Desk webhook documentation
 * that could be read names no payload fields (see the README).
 */
export const EVENT_NAME_FIELDS = ['event', 'eventType', 'event_type', 'type', 'category'];

/** The event name of a delivery, or null when none of the fields holds a text. */
export function eventNameOf(payload: IDataObject): string | null {
	for (const field of EVENT_NAME_FIELDS) {
		const value = payload[field];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return null;
}

/** Names of timestamp fields: created_at, createdAt, occurredAt, timestamp, updated_time, ... */
const TIMESTAMP_FIELD = /(?:^|_)(?:at|time|timestamp)$|(?:At|Time|Timestamp)$/;

/** A timestamp as ISO 8601: epoch seconds or milliseconds, or a date text; null when it is none. */
function isoOf(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
		return new Date(value >= 1e12 ? value : value * 1000).toISOString();
	}
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
		const time = Date.parse(value.trim());
		return Number.isNaN(time) ? null : new Date(time).toISOString();
	}
	return null;
}

/** The ISO field next to a timestamp field: created_at → created_at_iso, createdAt → createdAtIso. */
function isoFieldOf(field: string): string {
	return field.includes('_') ? `${field}_iso` : `${field}Iso`;
}

/**
 * The item of one delivery: `event` (its name, or null) first, the delivery's
 * own fields, each top-level timestamp also as ISO 8601, and `receivedAt`
 * (when n8n got it).
 */
export function eventItemJson(payload: IDataObject, event: string | null, receivedAt: number): IDataObject {
	const json: IDataObject = Object.assign({ event }, payload, { event });
	for (const [field, value] of Object.entries(payload)) {
		const iso = TIMESTAMP_FIELD.test(field) ? isoOf(value) : null;
		if (iso !== null) json[isoFieldOf(field)] = iso;
	}
	json.receivedAt = new Date(receivedAt).toISOString();
	return json;
}
