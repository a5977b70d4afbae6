import type { IDataObject } from 'n8n-workflow';

import { priorityOptions, statusOptions } from './descriptions';

const namesOf = (options: Array<{ name: string; value: number }>) =>
	new Map(options.map((option) => [option.value, option.name]));

const STATUS_NAMES = namesOf(statusOptions);
const PRIORITY_NAMES = namesOf(priorityOptions);

/** A Desk360 code as its name; a code the document does not name stays visible as "Unknown (n)". */
function nameOf(names: Map<number, string>, code: unknown): string | null {
	if (code === undefined || code === null || code === '') return null;
	return names.get(Number(code)) ?? `Unknown (${String(code)})`;
}

const DESK360_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** Whether `timeZone` is an IANA time zone name this runtime knows (UTC, Europe/Istanbul, ...). */
export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** One formatter per time zone: making one costs far more than using it (10,000 tickets took 4 s). */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
	let format = zoneFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		zoneFormats.set(timeZone, format);
	}
	return format;
}

/** How far `timeZone` is ahead of UTC at the instant `utcMs` (whole seconds), by the zone's own clock. */
function measuredOffsetMs(utcMs: number, timeZone: string): number {
	const parts = Object.fromEntries(
		zoneFormat(timeZone)
			.formatToParts(new Date(utcMs))
			.map((part) => [part.type, Number(part.value)]),
	);
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return wall - utcMs;
}

const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * How far `timeZone` is ahead of UTC at the instant `utcMs`, in ms. Zones change
 * their offset only on a quarter hour of UTC, so one look per zone and quarter
 * hour serves every timestamp in it (a list's timestamps share few of them).
 */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
	if (timeZone === 'UTC') return 0;
	const quarter = Math.floor(utcMs / QUARTER_HOUR);
	const key = `${timeZone} ${quarter}`;
	let offset = offsets.get(key);
	if (offset === undefined) {
		if (offsets.size >= 10_000) offsets.clear();
		offset = measuredOffsetMs(quarter * QUARTER_HOUR, timeZone);
		offsets.set(key, offset);
	}
	return offset;
}

/**
 * Desk360's timestamp ("YYYY-MM-DD HH:mm:ss", no zone) as ISO 8601 UTC, read
 * as a wall-clock time in `timeZone` (an IANA name; Desk360 does not say its
 * zone). Null when absent or not such a timestamp.
 */
export function desk360TimeToIso(value: unknown, timeZone = 'UTC'): string | null {
	const match = DESK360_TIME.exec(String(value ?? '').trim());
	if (!match) return null;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const wall = Date.UTC(year, month - 1, day, hour, minute, second);
	// Date.UTC rolls 2021-13-45 over into another date: refuse it instead.
	if (new Date(wall).toISOString().slice(0, 19) !== `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}`) {
		return null;
	}
	// The zone's offset at that wall time; a second look settles a daylight-saving change in between.
	let utc = wall - zoneOffsetMs(wall, timeZone);
	utc = wall - zoneOffsetMs(utc, timeZone);
	return new Date(utc).toISOString();
}

/**
 * A Desk360 ticket with readable values next to Desk360's own: `status_name`,
 * `priority_name`, and `created_at_iso` / `updated_at_iso` (ISO 8601).
 */
export function readableTicket(ticket: IDataObject, timeZone?: string): IDataObject {
	const readable: IDataObject = { ...ticket };
	if ('status' in ticket) readable.status_name = nameOf(STATUS_NAMES, ticket.status);
	if ('priority' in ticket) readable.priority_name = nameOf(PRIORITY_NAMES, ticket.priority);
	if ('created_at' in ticket) readable.created_at_iso = desk360TimeToIso(ticket.created_at, timeZone);
	if ('updated_at' in ticket) readable.updated_at_iso = desk360TimeToIso(ticket.updated_at, timeZone);
	return readable;
}

/** Desk360's message types: 0 a message (customer or agent), 6 a note only agents see. */
const MESSAGE_TYPE_NAMES = new Map([
	[0, 'Message'],
	[6, 'Note'],
]);

/** A ticket message with `type_name` and `created_at_iso` next to Desk360's values. */
export function readableMessage(message: IDataObject, timeZone?: string): IDataObject {
	const readable: IDataObject = { ...message };
	if ('type' in message) readable.type_name = nameOf(MESSAGE_TYPE_NAMES, message.type);
	if ('created_at' in message) readable.created_at_iso = desk360TimeToIso(message.created_at, timeZone);
	return readable;
}

/** A ticket with readable values, its messages (Get) too. */
export function readableTicketWithMessages(ticket: IDataObject, timeZone?: string): IDataObject {
	const readable = readableTicket(ticket, timeZone);
	if (Array.isArray(ticket.messages)) {
		readable.messages = (ticket.messages as IDataObject[]).map((message) => readableMessage(message, timeZone));
	}
	return readable;
}

/**
 * A status change of a ticket log with `old_status_name` / `new_status_name`
 * (null for old status 0: the ticket had none before) and `created_at_iso`.
 */
export function readableLog(log: IDataObject, timeZone?: string): IDataObject {
	const readable: IDataObject = { ...log };
	if ('old_status_id' in log) readable.old_status_name = Number(log.old_status_id) === 0 ? null : nameOf(STATUS_NAMES, log.old_status_id);
	if ('new_status_id' in log) readable.new_status_name = nameOf(STATUS_NAMES, log.new_status_id);
	if ('created_at' in log) readable.created_at_iso = desk360TimeToIso(log.created_at, timeZone);
	return readable;
}
