/**
 * A second of Desk360's ticket list (its own "YYYY-MM-DD HH:mm:ss" text,
 * compared as text: that form sorts like time) and the IDs of the tickets
 * handled at that second. Timestamps have whole seconds, so the IDs tell a
 * ticket handled at a second from one changed later in that same second.
 */
export interface Instant {
	updatedAt: string;
	ids: number[];
}

/** The tickets handled at or after the horizon: ID → the updated_at handled (one entry a ticket: its latest). */
export type Handled = Map<number, string>;

export function handledOf(cursor: Instant, ahead: Instant[] = []): Handled {
	const handled: Handled = new Map();
	for (const { updatedAt, ids } of [cursor, ...ahead]) for (const id of ids) handled.set(id, updatedAt);
	return handled;
}

/** Whether this state of the ticket (or a later one) was handled already. */
export function isHandled(handled: Handled, id: number, updatedAt: string): boolean {
	const at = handled.get(id);
	return at !== undefined && at >= updatedAt;
}

/** The handled tickets from `horizon` on, grouped by second: the horizon's instant, then the later ones, oldest first. */
export function instantsFrom(handled: Handled, horizon: string): { cursor: Instant; ahead: Instant[] } {
	const bySecond = new Map<string, number[]>();
	for (const [id, at] of handled) {
		if (at < horizon) continue;
		const ids = bySecond.get(at) ?? [];
		ids.push(id);
		bySecond.set(at, ids);
	}
	const instants = [...bySecond.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([updatedAt, ids]) => ({ updatedAt, ids: ids.sort((a, b) => a - b) }));
	const cursor = instants[0]?.updatedAt === horizon ? instants.shift()! : { updatedAt: horizon, ids: [] };
	return { cursor, ahead: instants };
}

/**
 * The horizon moved up, if needed, so that at most `max` handled tickets are
 * at or after it: the static data n8n stores with the workflow stays small
 * even if a second never settles.
 */
export function boundedHorizon(handled: Handled, horizon: string, max: number): string {
	const seconds = [...handled.values()].filter((at) => at >= horizon).sort();
	return seconds.length > max ? seconds[seconds.length - max] : horizon;
}

