import type { IDataObject } from 'n8n-workflow';

import { clock } from './clock';
import type { RateLimitState } from './rateGate';
import type { HttpAnswer, RequestFailure } from './service';

export const retryPolicy = {
	/** Attempts per request before a 429 or a server error becomes an error. */
	maxTries: 6,
	/** Longest single wait; a server that asks for more gets an error instead. */
	maxWaitMs: 5 * 60_000,
	/** Base of the exponential back-off used when the server sends no wait. */
	backoffBaseMs: 1_000,
};

/** Server errors a read is repeated after: the server did not finish it, and reading again changes nothing. */
const READ_RETRY_STATUSES = new Set([500, 502, 503, 504]);

export function isRead(method: string | undefined): boolean {
	const verb = (method ?? 'GET').toUpperCase();
	return verb === 'GET' || verb === 'HEAD';
}

/**
 * Connection failures that pass: a dropped or timed-out connection, a DNS
 * hiccup. A refused connection or an unknown host is a wrong Base URL, which
 * waiting does not mend.
 */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'ESOCKETTIMEDOUT']);

function isTransientNetworkError(error: unknown): boolean {
	// n8n's NodeApiError keeps the system error's code as its httpCode.
	const { code, httpCode } = (error ?? {}) as { code?: unknown; httpCode?: unknown };
	return TRANSIENT_NETWORK_CODES.has(String(code)) || TRANSIENT_NETWORK_CODES.has(String(httpCode));
}

/**
 * Whether a failed request may be sent again: a 429 always (the server did
 * nothing), a server error or a dropped connection only for reads (a write may
 * have been applied).
 */
export function isRetryable(
	answer: HttpAnswer | undefined,
	rateLimited: boolean,
	method: string | undefined,
	error?: unknown,
): boolean {
	if (rateLimited) return true;
	if (!isRead(method)) return false;
	return answer === undefined ? isTransientNetworkError(error) : READ_RETRY_STATUSES.has(answer.statusCode);
}

function seconds(ms: number): string {
	return `${Math.ceil(ms / 1000)} s`;
}

/** Why the node stopped retrying a 429 (tries used up, or a wait over the cap), in `apiName`'s words. */
export function rateLimitGiveUpReason(
	apiName: string,
	{ tries, waitMs }: NonNullable<RequestFailure['rateLimit']>,
): string {
	return waitMs !== undefined && waitMs > retryPolicy.maxWaitMs
		? `${apiName} asked to wait ${seconds(waitMs)}, longer than the node waits (${seconds(retryPolicy.maxWaitMs)})`
		: `${apiName} still answered 429 Too Many Requests after ${tries} tries`;
}

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	return first === undefined || first === null ? undefined : String(first);
}

function numberHeader(headers: IDataObject, name: string): number | undefined {
	const raw = header(headers, name);
	if (raw === undefined || raw.trim() === '') return undefined;
	const value = Number(raw);
	return Number.isFinite(value) ? value : undefined;
}

export function readRateLimit(headers: IDataObject | undefined): RateLimitState {
	if (!headers) return {};
	const reset = numberHeader(headers, 'x-ratelimit-reset');
	return {
		limit: numberHeader(headers, 'x-ratelimit-limit'),
		remaining: numberHeader(headers, 'x-ratelimit-remaining'),
		resetAt: reset === undefined ? undefined : reset * 1000,
	};
}

/** Exponential back-off with jitter, for a retry the server named no wait for. */
export function backoffMs(attempt: number): number {
	const ceiling = retryPolicy.backoffBaseMs * 2 ** (attempt - 1);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** How long to wait after a refused request: Retry-After, else the reset time, else back-off with jitter. */
export function retryDelayMs(answer: HttpAnswer | undefined, attempt: number): number {
	if (!answer) return backoffMs(attempt);
	const { resetAt } = readRateLimit(answer.headers);
	const untilReset = resetAt === undefined ? undefined : resetAt - clock.now();
	const retryAfter = header(answer.headers, 'retry-after');
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) {
			const waitMs = Math.max(0, seconds * 1000);
			// Retry-After counts whole seconds, rounded up: a reset time that falls within
			// its last second is the more exact end of the wait.
			const resetIsSooner = untilReset !== undefined && untilReset > waitMs - 1000 && untilReset < waitMs;
			return resetIsSooner ? Math.max(0, untilReset) : waitMs;
		}
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - clock.now());
	}
	if (untilReset !== undefined && untilReset > 0) return untilReset;
	return backoffMs(attempt);
}
