// A small route table: patterns such as `/v1/products/:productId/tickets`,
// matched segment by segment. The pattern names the route in the stats.

/** An error answered in the format of the API that raised it. */
export class ApiError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string | number} code the API's error code
	 * @param {string} message
	 * @param {Record<string, string>} [headers]
	 */
	constructor(status, code, message, headers = {}) {
		super(message);
		this.status = status;
		this.code = code;
		this.headers = headers;
	}
}

function compile(pattern) {
	return pattern.split('/').filter(Boolean);
}

function matchSegments(segments, parts) {
	if (segments.length !== parts.length) return undefined;
	const params = {};
	for (let i = 0; i < segments.length; i++) {
		if (segments[i].startsWith(':')) {
			let value;
			try {
				value = decodeURIComponent(parts[i]);
			} catch {
				return undefined;
			}
			params[segments[i].slice(1)] = value;
		} else if (segments[i] !== parts[i]) {
			return undefined;
		}
	}
	return params;
}

export class Router {
	/** @param {string} prefix the path every route of this API starts with */
	constructor(prefix = '') {
		this.prefix = prefix;
		this.routes = [];
	}

	/**
	 * @param {string} method
	 * @param {string} pattern path after the prefix
	 * @param {(ctx: object) => unknown} handler returns { status?, body?, headers?, bytes? }
	 * @param {{ public?: boolean }} [options] public routes need no token
	 */
	add(method, pattern, handler, options = {}) {
		const full = `${this.prefix}${pattern}`;
		this.routes.push({ method, pattern: full, segments: compile(full), handler, ...options });
		return this;
	}

	/**
	 * The route for a request: `{ route, params }`, `{ allowed }` when only the
	 * method is wrong, or undefined when no pattern fits the path.
	 */
	match(method, pathname) {
		const parts = compile(pathname);
		const allowed = [];
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method === method) return { route, params };
			allowed.push(route.method);
		}
		return allowed.length ? { allowed } : undefined;
	}
}
