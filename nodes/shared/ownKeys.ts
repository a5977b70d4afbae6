/**
 * A copy of JSON data without `__proto__` keys, at any depth. JSON.parse makes
 * `"__proto__"` an ordinary key, but the first copy that assigns it (n8n's
 * deepCopy, Object.assign, an expression's spread) sets the object's
 * prototype instead, and `$json.x` would then find keys the item does not
 * have. No service sends such a key on purpose, so it is dropped.
 * Recursive: webhook bodies reach it only once their depth is bounded (webhookBody.ts).
 */
export function withoutProtoKeys<T>(value: T): T {
	if (Array.isArray(value)) return value.map((entry) => withoutProtoKeys(entry)) as T;
	if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return value;
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) {
		// Only "__proto__" is an accessor on a plain object: every other key is the copy's own.
		if (key !== '__proto__') copy[key] = withoutProtoKeys(entry);
	}
	return copy as T;
}
