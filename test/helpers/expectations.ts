import type nock from 'nock';

/** Records every request a nock scope answers: method, path with query, body and headers. */
export function recordRequests(scope: nock.Scope) {
	const requests: Array<{ method: string; path: string; body: unknown; headers: Record<string, unknown> }> = [];
	scope.on('request', (request: { method: string; path: string; headers: Record<string, unknown> }, _interceptor: unknown, body: string) => {
		let parsed: unknown = body;
		try {
			parsed = body ? JSON.parse(body) : undefined;
		} catch {
			// Not JSON: keep the raw text.
		}
		requests.push({ method: request.method, path: request.path, body: parsed, headers: request.headers });
	});
	return requests;
}

/** The error a run failed with; fails the test when the run succeeded. */
export async function failureOf(run: Promise<unknown>): Promise<Error & { description?: string; httpCode?: string; context?: Record<string, unknown> }> {
	try {
		await run;
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('expected the node to fail, but it succeeded');
}
