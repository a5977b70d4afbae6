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

/** What n8n's error panel reads of an error (the fields an execution's error keeps). */
interface ShownError {
	httpCode?: string | null;
	messages?: string[];
	message: string;
	context?: { data?: unknown };
	extra?: unknown;
}

/**
 * Whether n8n's error panel (editor-ui NodeErrorView) shows its "From <node>"
 * section, the place of a service's answer: it does when the error has an HTTP
 * code, raw messages other than its headline, response data or extra data.
 */
export function showsFromSection(error: ShownError): boolean {
	const rawMessages = (error.messages ?? []).filter((message) => message !== error.message);
	return Boolean(error.httpCode) || rawMessages.length > 0 || Boolean(error.context?.data) || Boolean(error.extra);
}
