/** JSON texts nested deeper than any real webhook, as a hostile caller would send them. */

/** `inner` (a JSON text) inside `levels` objects, each holding the next under "next". */
export function insideObjects(levels: number, inner = '{}'): string {
	return '{"next":'.repeat(levels) + inner + '}'.repeat(levels);
}

/** `inner` (a JSON text) inside `levels` lists. */
export function insideLists(levels: number, inner = '[]'): string {
	return '['.repeat(levels) + inner + ']'.repeat(levels);
}

/** The value `levels` steps down a chain built by insideObjects. */
export function followNext(value: unknown, levels: number): Record<string, unknown> {
	let current = value as Record<string, unknown>;
	for (let step = 0; step < levels; step++) current = current.next as Record<string, unknown>;
	return current;
}
