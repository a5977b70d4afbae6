import { boundedHorizon, instantsFrom, type Handled, type Instant } from './memory';

/** One place of the list as a poll read it: the ticket there and its updated_at. */
export interface Listing {
	id: number;
	updatedAt: string;
}

/** What a read shows of one second: how many places it took, and which tickets were in them. */
interface SecondSeen {
	places: number;
	ids: Set<number>;
}

function bySecond(read: Listing[]): Map<string, SecondSeen> {
	const seconds = new Map<string, SecondSeen>();
	for (const { id, updatedAt } of read) {
		const seen = seconds.get(updatedAt) ?? { places: 0, ids: new Set<number>() };
		seen.places++;
		seen.ids.add(id);
		seconds.set(updatedAt, seen);
	}
	return seconds;
}

/** Seconds the read found changed since `before`: a ticket new there, or one that left it for a later second. */
function disturbedSeconds(read: Listing[], before: Handled): Set<string> {
	const disturbed = new Set<string>();
	for (const { id, updatedAt } of read) {
		const known = before.get(id);
		if (known === updatedAt) continue;
		disturbed.add(updatedAt);
		if (known !== undefined) disturbed.add(known);
	}
	return disturbed;
}

function handledBySecond(handled: Handled): Map<string, number> {
	const counts = new Map<string, number>();
	for (const at of handled.values()) counts.set(at, (counts.get(at) ?? 0) + 1);
	return counts;
}

/**
 * Which seconds of a read (every place at or after the horizon, in list
 * order) are complete: no ticket of them can have been missed.
 *
 * The product's whole list only ever pushes tickets down while it is read (a
 * new or changed ticket goes to the top), so no place is skipped; only the
 * order of the tickets that share a second may differ from one page request
 * to the next. A second is complete when:
 * - this read listed no ticket of it twice: each of its places held another
 *   ticket, so every ticket still at it was listed; or
 * - its handled tickets (listed now or remembered) filled its places in the
 *   last read and fill them in this one, none came to it or left it in
 *   between, and every later second is complete or filled too (a ticket that
 *   left for a later second is listed there, so it is not counted here).
 * `counted`: the seconds filled in the last read; the result's `counted`,
 * those filled in this one.
 */
function completeSeconds(
	read: Listing[],
	before: Handled,
	after: Handled,
	counted: ReadonlySet<string>,
): { complete: Set<string>; counted: string[] } {
	const seconds = bySecond(read);
	const disturbed = disturbedSeconds(read, before);
	const handled = handledBySecond(after);
	const complete = new Set<string>();
	const nextCounted: string[] = [];
	let laterAccounted = true;
	for (const second of [...seconds.keys()].sort().reverse()) {
		const { places, ids } = seconds.get(second)!;
		const listedOnce = ids.size === places;
		const accounted = listedOnce || (handled.get(second) ?? 0) >= places;
		if (listedOnce) {
			complete.add(second);
		} else if (laterAccounted && accounted) {
			if (counted.has(second) && !disturbed.has(second)) complete.add(second);
			nextCounted.push(second);
		}
		laterAccounted &&= accounted;
	}
	return { complete, counted: nextCounted };
}

/**
 * How far the horizon can move: up through the read's seconds, oldest first,
 * while each is complete, and never past `limit` (the oldest change left for
 * the next poll).
 */
function horizonAfter(horizon: string, read: Listing[], complete: ReadonlySet<string>, limit?: string): string {
	let reached = horizon;
	for (const second of [...new Set(read.map((listing) => listing.updatedAt))].sort()) {
		if (!complete.has(second) || (limit !== undefined && second > limit)) break;
		reached = second;
	}
	return reached;
}

/** What the trigger remembers after a poll: its horizon and the tickets handled from it on. */
export interface Memory {
	cursor: Instant;
	ahead: Instant[];
	counted: string[];
}

/**
 * The memory after a poll that read `read` (every place at or after the
 * horizon), knowing `before` and having handled the tickets in `after`;
 * `limit`: the oldest change left for the next poll; `max`: the most tickets
 * remembered.
 */
export function settle(
	horizon: string,
	read: Listing[],
	handled: { before: Handled; after: Handled },
	counted: ReadonlySet<string>,
	{ limit, max }: { limit?: string; max: number },
): Memory {
	const seconds = completeSeconds(read, handled.before, handled.after, counted);
	const reached = boundedHorizon(handled.after, horizonAfter(horizon, read, seconds.complete, limit), max);
	return { ...instantsFrom(handled.after, reached), counted: seconds.counted.filter((second) => second >= reached) };
}
