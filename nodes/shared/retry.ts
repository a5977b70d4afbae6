import type { IDataObject } from 'n8n-workflow';

import { clock } from './clock';
import type { RateLimitState } from './rateGate';
import type { HttpAnswer, RateLimitFailure } from './service';

export const retryPolicy = {
	/** Attempts per read after server errors and lost connections (a 429 is bounded by time instead). */
	maxTries: 5,
	/**
	 * The most one read waits, in all, between its tries after server errors and
	 * lost connections: the back-off's 1, 2, 4 and 8 s fit, and a 503's Retry-After
	 * is waited only when it fits too. Not the rate window: a server error is not
	 * a rate limit, and a failing server is better reported in seconds than minutes.
	 */
	maxServerErrorWaitMs: 30_000,
	/**
	 * The most one request waits, in all, for a server that keeps answering 429:
	 * a 429 means the server did nothing, so the request is sent again as long as
	 * the waits the server asks for add up to no more than this.
	 */
	maxRateLimitWaitMs: 5 * 60_000,
	/** Base of the exponential back-off used when the server sends no wait. */
	backoffBaseMs: 1_000,
	/** The longest back-off wait: a minute, the window of Desk360's plans. */
	maxBackoffMs: 60_000,
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

/** A duration as people read it: "0.4 s", "26 s", "90 s", "4 min 58 s". */
function duration(ms: number): string {
	if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
	const seconds = Math.round(ms / 1000);
	if (seconds < 120) return `${seconds} s`;
	const rest = seconds % 60;
	return rest === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${rest} s`;
}

function times(count: number): string {
	return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/** What the server's last 429 said about the limit, in its own header names. */
function lastAnswer(apiName: string, { state, retryAfter }: RateLimitFailure): string {
	const said: string[] = [];
	if (retryAfter !== undefined) said.push(`Retry-After ${retryAfter}${/^\d+$/.test(retryAfter) ? ' s' : ''}`);
	if (state.remaining !== undefined) {
		said.push(`X-RateLimit-Remaining ${state.remaining}${state.limit === undefined ? '' : ` of X-RateLimit-Limit ${state.limit}`}`);
	}
	if (state.resetAt !== undefined) said.push(`X-RateLimit-Reset ${new Date(state.resetAt).toISOString().replace('.000Z', 'Z')}`);
	return said.length === 0 ? `${apiName}'s last answer named no wait and no budget.` : `${apiName}'s last answer: ${said.join(', ')}.`;
}

/**
 * What happened before the node stopped retrying a 429, in `apiName`'s words:
 * the tries, the time, what the server asked for.
 */
export function rateLimitGiveUpReason(apiName: string, failure: RateLimitFailure): string {
	const { tries, elapsedMs, waitedMs, askedMs, retryAfter, state } = failure;
	// Without Retry-After or X-RateLimit-Reset the waits were the node's own back-off.
	const serverAsked = retryAfter !== undefined || state.resetAt !== undefined;
	const bound = `It waits at most ${duration(retryPolicy.maxRateLimitWaitMs)} in all for one request`;
	return [
		`${apiName} answered this request 429 Too Many Requests ${times(tries)}${tries > 1 ? ` in ${duration(elapsedMs)}` : ''}.`,
		waitedMs > 0 ? `The node waited ${duration(waitedMs)} in all between the tries${serverAsked ? `, as ${apiName} asked` : ''}.` : '',
		serverAsked ? `${bound}, and ${apiName} asked to wait ${duration(askedMs)} more.` : `${bound}, and the next wait would have been ${duration(askedMs)}.`,
		lastAnswer(apiName, failure),
	]
		.filter((sentence) => sentence !== '')
		.join(' ');
}

/**
 * Why a read that met server errors or lost connections was given up, in
 * `apiName`'s words: how often and how long it was tried, or the wait the
 * server asked for that would pass the bound. Empty when it was tried once.
 */
export function serverErrorGiveUpReason(
	apiName: string,
	{ tries, elapsedMs, answered, askedMs }: { tries: number; elapsedMs: number; answered: boolean; askedMs?: number },
): string {
	const said: string[] = [];
	if (tries > 1) {
		const what = answered ? `${apiName} answered this request with a server error` : `The connection to ${apiName} failed`;
		said.push(`${what} ${times(tries)} in ${duration(elapsedMs)}; the node sent it again after a short wait each time.`);
	}
	if (askedMs !== undefined && askedMs > 0) {
		said.push(
			`${apiName} asked to wait ${duration(askedMs)} before the next try, longer than the ${duration(retryPolicy.maxServerErrorWaitMs)} a read waits in all for server errors.`,
		);
	}
	return said.join(' ');
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
	const ceiling = Math.min(retryPolicy.backoffBaseMs * 2 ** (attempt - 1), retryPolicy.maxBackoffMs);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * How long to wait after a 429: Retry-After, else the reset time, else back-off
 * with jitter (also when the server says to wait nothing, so that a server that
 * keeps refusing is not asked again at once).
 */
export function rateLimitDelayMs(answer: HttpAnswer | undefined, attempt: number): number {
	const asked = answer && askedDelayMs(answer);
	return asked !== undefined && asked > 0 ? asked : backoffMs(attempt);
}

/**
 * How long to wait after the `failure`th server error or lost connection of a
 * read: a 503's Retry-After (the one status it is defined for), else back-off
 * with jitter. Never the rate limit's reset: servers that send it on every
 * answer would hold a read for the rest of the window.
 */
export function serverErrorDelayMs(answer: HttpAnswer | undefined, failure: number): number {
	const asked = serverAskedMs(answer);
	return asked !== undefined && asked > 0 ? asked : backoffMs(failure);
}

/** The wait a server error asked for: a 503's Retry-After, in ms. */
export function serverAskedMs(answer: HttpAnswer | undefined): number | undefined {
	return answer?.statusCode === 503 ? retryAfterMs(answer) : undefined;
}

/** The Retry-After header as a wait in ms (seconds or an HTTP date); undefined when absent or unreadable. */
function retryAfterMs(answer: HttpAnswer): number | undefined {
	const retryAfter = header(answer.headers, 'retry-after');
	if (retryAfter === undefined || retryAfter.trim() === '') return undefined;
	const seconds = Number(retryAfter);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(retryAfter);
	return Number.isNaN(date) ? undefined : Math.max(0, date - clock.now());
}

/** The wait the server asked for: Retry-After, or the time until X-RateLimit-Reset. */
function askedDelayMs(answer: HttpAnswer): number | undefined {
	const { resetAt } = readRateLimit(answer.headers);
	const untilReset = resetAt === undefined ? undefined : resetAt - clock.now();
	const waitMs = retryAfterMs(answer);
	if (waitMs === undefined) return untilReset;
	// Retry-After counts whole seconds, rounded up: a reset time that falls within
	// its last second is the more exact end of the wait.
	const resetIsSooner = untilReset !== undefined && untilReset > waitMs - 1000 && untilReset < waitMs;
	return resetIsSooner ? Math.max(0, untilReset) : waitMs;
}

/** The Retry-After header as sent, for messages. */
export function retryAfterOf(answer: HttpAnswer | undefined): string | undefined {
	return answer && header(answer.headers, 'retry-after')?.trim();
}
