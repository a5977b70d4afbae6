import {
	NodeApiError,
	type IAllExecuteFunctions,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INode,
	type JsonObject,
	type RequestHelperFunctions,
} from 'n8n-workflow';

import { clock } from './clock';
import { rateGateFor, type RateGate, type RateLimitState } from './rateGate';

/** The part of any n8n context (execute, load options, list search) a request needs. */
export interface RequestContext {
	helpers: Pick<RequestHelperFunctions, 'httpRequestWithAuthentication'>;
	getNode(): INode;
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string, itemIndex?: number): Promise<T>;
}

/** An HTTP answer, whether n8n returned it or threw it. */
export interface HttpAnswer {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** Everything the transport needs to know about one API. */
export interface ServiceDefinition {
	credentialType: string;
	/** Identifies the account whose rate limit a request spends. */
	accountKey(credentials: ICredentialDataDecryptedObject): string;
	/** Whether a 401 means "log in again" (n8n's preAuthentication) for these credentials. */
	renewsSessionOn401?(credentials: ICredentialDataDecryptedObject): boolean;
	/** Turns a failed request into the error the user sees. */
	toError(node: INode, failure: RequestFailure): Error;
}

/** Why a request failed, with the answer when there was one. */
export interface RequestFailure {
	answer?: HttpAnswer;
	/** The error n8n threw when there was no HTTP answer (network, refused login). */
	error?: unknown;
	itemIndex?: number;
	/** Set when the failure is a 429 the node stopped retrying. */
	rateLimit?: { tries: number; waitMs?: number; state: RateLimitState };
}

export const retryPolicy = {
	/** Attempts per request before a 429 becomes an error. */
	maxTries: 6,
	/** Longest single wait; a server that asks for more gets an error instead. */
	maxWaitMs: 5 * 60_000,
	/** Base of the exponential back-off used when the server sends no wait. */
	backoffBaseMs: 1_000,
};

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

const IDEMPOTENT_RETRY_STATUSES = new Set([502, 503, 504]);

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

/** How long to wait after a refused request: Retry-After, else the reset time, else back-off with jitter. */
export function retryDelayMs(answer: HttpAnswer, attempt: number): number {
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
	const ceiling = retryPolicy.backoffBaseMs * 2 ** (attempt - 1);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

function answerOf(response: IN8nHttpFullResponse): HttpAnswer {
	return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body };
}

/** What n8n kept of an HTTP error it threw: the status and the body, not the headers. */
function answerFromError(error: unknown): HttpAnswer | undefined {
	const { httpCode, context } = error as { httpCode?: string | null; context?: IDataObject };
	const statusCode = Number(httpCode);
	if (!Number.isInteger(statusCode) || statusCode < 100) return undefined;
	return { statusCode, headers: {}, body: context?.data };
}

function isRetryable(answer: HttpAnswer | undefined, method: string): boolean {
	if (!answer) return false;
	if (answer.statusCode === 429) return true;
	// A write that reached the server may have been acted on: only reads retry server errors.
	return method === 'GET' && IDEMPOTENT_RETRY_STATUSES.has(answer.statusCode);
}

/**
 * One request through n8n's authenticated helper. Status errors come back as
 * answers (not thrown) so that their headers, such as Retry-After, can be read.
 */
async function send(
	context: RequestContext,
	service: ServiceDefinition,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): Promise<HttpAnswer> {
	const request = context.helpers.httpRequestWithAuthentication.bind(context as IAllExecuteFunctions);
	const answer = answerOf(
		(await request(service.credentialType, {
			...options,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse,
	);
	if (answer.statusCode !== 401 || !service.renewsSessionOn401?.(credentials)) return answer;
	// n8n renews a session (preAuthentication) only when a request throws a 401, then
	// repeats it once: send it again the throwing way to get exactly that.
	try {
		return answerOf(
			(await request(service.credentialType, { ...options, returnFullResponse: true })) as IN8nHttpFullResponse,
		);
	} catch (error) {
		const answer = answerFromError(error);
		// n8n's helper already threw a NodeApiError; wrapping returns that same error.
		if (!answer) throw new NodeApiError(context.getNode(), error as JsonObject);
		return answer;
	}
}

interface Account {
	credentials: ICredentialDataDecryptedObject;
	gate: RateGate;
}

/** The account of each context: a list of 500 pages reads and hashes its credential once, not per page. */
const accounts = new WeakMap<RequestContext, Map<string, Promise<Account>>>();

async function accountOf(context: RequestContext, service: ServiceDefinition): Promise<Account> {
	let byType = accounts.get(context);
	if (!byType) {
		byType = new Map();
		accounts.set(context, byType);
	}
	let account = byType.get(service.credentialType);
	if (!account) {
		account = context.getCredentials(service.credentialType).then((credentials) => ({
			credentials,
			gate: rateGateFor(`${service.credentialType}:${service.accountKey(credentials)}`),
		}));
		// A failed read is not kept: the next request reads again.
		account.catch(() => byType.delete(service.credentialType));
		byType.set(service.credentialType, account);
	}
	return await account;
}

/**
 * Sends one request with the node's credential: waits for the account's rate
 * gate, retries refused requests (429 always, 502/503/504 for reads only), and
 * turns failures into the service's errors.
 */
export async function sendRequest(
	context: RequestContext,
	service: ServiceDefinition,
	options: IHttpRequestOptions,
	itemIndex?: number,
): Promise<IN8nHttpFullResponse> {
	const { credentials, gate } = await accountOf(context, service);
	const method = (options.method ?? 'GET').toUpperCase();

	for (let attempt = 1; ; attempt++) {
		await gate.acquire();
		let answer: HttpAnswer;
		try {
			answer = await send(context, service, credentials, options);
		} catch (error) {
			// No HTTP answer at all: the network, or a refused login.
			gate.release({});
			throw service.toError(context.getNode(), { error, itemIndex });
		}
		const state = readRateLimit(answer.headers);
		const succeeded = answer.statusCode < 400;
		const retry = !succeeded && isRetryable(answer, method);
		const waitMs = retry ? retryDelayMs(answer, attempt) : undefined;
		gate.release(state, answer.statusCode === 429 ? waitMs : undefined);

		if (succeeded) {
			return { statusCode: answer.statusCode, headers: answer.headers, body: answer.body as IDataObject };
		}
		if (!retry || attempt >= retryPolicy.maxTries || waitMs! > retryPolicy.maxWaitMs) {
			const rateLimit = answer.statusCode === 429 ? { tries: attempt, waitMs, state } : undefined;
			throw service.toError(context.getNode(), { answer, itemIndex, rateLimit });
		}
		if (answer.statusCode !== 429) await clock.sleep(waitMs!);
	}
}
