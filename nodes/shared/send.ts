import {
	ExecutionBaseError,
	type ICredentialDataDecryptedObject,
	type IAllExecuteFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';

import { cancellationError, clock } from './clock';
import { rateGateFor, type GateSlot, type RateGate } from './rateGate';
import {
	isRead,
	isRetryable,
	rateLimitDelayMs,
	readRateLimit,
	retryAfterOf,
	retryPolicy,
	serverAskedMs,
	serverErrorDelayMs,
	serverErrorGiveUpReason,
} from './retry';
import type { HttpAnswer, RequestContext, ServiceDefinition } from './service';
import { tokenSession, type TokenSession, type TokenTicket } from './session';

export interface SendOptions {
	itemIndex?: number;
	/** false: send without the credential (a login). */
	authenticate?: boolean;
	/** Return a refused answer (after the retries) instead of throwing the service's error. */
	answerFailures?: boolean;
}

interface Account {
	credentials: ICredentialDataDecryptedObject;
	gate: RateGate;
	baseUrl: string;
	session?: TokenSession;
}

/** The time each context's requests waited for their turn and after 429s and server errors. */
const waits = new WeakMap<RequestContext, number>();

function addWait(context: RequestContext, ms: number): void {
	if (ms > 0) waits.set(context, (waits.get(context) ?? 0) + ms);
}

/** How long the requests of this context (one item of a node run) waited so far, in ms. */
export function waitedMsOf(context: RequestContext): number {
	return waits.get(context) ?? 0;
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
		account = context.getCredentials(service.credentialType).then((credentials) => {
			const { session } = service;
			return {
				credentials,
				gate: rateGateFor(`${service.credentialType}:${service.accountKey(credentials)}`),
				baseUrl: service.baseUrl(credentials),
				session: session?.applies(credentials)
					? tokenSession(`${service.credentialType}:${session.key(credentials)}`, String(credentials[session.field] ?? ''))
					: undefined,
			};
		});
		// A failed read is not kept: the next request reads again.
		account.catch(() => byType.delete(service.credentialType));
		byType.set(service.credentialType, account);
	}
	return await account;
}

/** The credential the account's requests use, as the door read it once for this context. */
export async function credentialsOf(context: RequestContext, service: ServiceDefinition): Promise<ICredentialDataDecryptedObject> {
	return (await accountOf(context, service)).credentials;
}

/** The Base URL the account's requests go to (the service's one rule, applied to the context's credential). */
export async function baseUrlOf(context: RequestContext, service: ServiceDefinition): Promise<string> {
	return (await accountOf(context, service)).baseUrl;
}

/** Waits until the session has a token; a refused login becomes the service's error, naming what to fix. */
async function sessionReady(
	context: RequestContext,
	service: ServiceDefinition,
	session: TokenSession,
	login: () => Promise<string>,
	itemIndex: number | undefined,
): Promise<void> {
	let failure: unknown;
	try {
		return await session.ready(login);
	} catch (error) {
		failure = error;
	}
	// n8n's own errors (a failed login request, a cancellation) are already what the user should see.
	if (failure instanceof ExecutionBaseError) throw failure;
	throw service.toError(context.getNode(), { error: failure, itemIndex });
}

/**
 * The account's turn to send, and with a session the token, taken at the
 * moment the request goes out: a request that waited in the gate while the
 * token died goes with the new one.
 */
async function turnToSend(
	context: RequestContext,
	service: ServiceDefinition,
	{ gate }: Account,
	session: TokenSession | undefined,
	login: () => Promise<string>,
	itemIndex: number | undefined,
): Promise<{ slot: GateSlot; ticket?: TokenTicket }> {
	const signal = context.getExecutionCancelSignal?.();
	if (!session) return { slot: await gate.acquire(signal) };
	for (;;) {
		await sessionReady(context, service, session, login, itemIndex);
		let ticket: TokenTicket | undefined;
		const slot = await gate.acquire(signal, () => {
			const taken = session.take();
			if (typeof taken === 'string') return taken;
			ticket = taken;
			return 'go';
		});
		if (slot) return { slot, ticket };
	}
}

function answerOf(response: IN8nHttpFullResponse): HttpAnswer {
	return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body };
}

/**
 * One HTTP exchange through n8n's helpers. Status errors come back as answers
 * (not thrown) so that their headers, such as Retry-After, can be read.
 */
async function exchange(
	context: RequestContext,
	service: ServiceDefinition,
	account: Account,
	options: IHttpRequestOptions,
	authenticate: boolean,
	ticket: TokenTicket | undefined,
): Promise<HttpAnswer> {
	const request = { ...options, returnFullResponse: true, ignoreHttpStatusErrors: true };
	const helpers = context.helpers as unknown as IAllExecuteFunctions['helpers'];
	if (!authenticate) return answerOf((await helpers.httpRequest.call(context, request)) as IN8nHttpFullResponse);
	// A session token goes in through the credential's own `authenticate`, as n8n would put it.
	const credentialsDecrypted = ticket && {
		id: context.getNode().credentials?.[service.credentialType]?.id ?? '',
		name: service.credentialType,
		type: service.credentialType,
		data: { ...account.credentials, [service.session!.field]: ticket.token },
	};
	return answerOf(
		(await helpers.httpRequestWithAuthentication.call(
			context as IAllExecuteFunctions,
			service.credentialType,
			request,
			credentialsDecrypted ? { credentialsDecrypted } : undefined,
		)) as IN8nHttpFullResponse,
	);
}

function addToDescription(error: Error, text: string): void {
	if (text === '') return;
	const described = error as Error & { description?: string | null };
	described.description = described.description ? `${described.description} ${text}` : text;
}

/**
 * A write that got a server error or no answer is not sent again: it may have
 * been applied. The error says so, and how to find out.
 */
function warnMayHaveApplied(error: Error, apiName: string, method: string): void {
	addToDescription(
		error,
		`This ${method} may have reached ${apiName} and been applied although no success came back, so the node did not send it again. Check in ${apiName} (for example with Get or Get Many) whether it was applied before you run it again, or it may be applied twice.`,
	);
}

/**
 * The one way the nodes send a request: the account's base URL, its rate gate,
 * its session token, retries, and the service's errors. `options.url` is a
 * path below the base URL. Every wait ends when the execution is cancelled.
 *
 * Retries: a 429 always (the server did nothing), as long as the server's
 * waits add up to no more than `retryPolicy.maxRateLimitWaitMs`; server errors
 * and lost connections for reads only, after a short back-off of their own (up
 * to `retryPolicy.maxTries` tries and `retryPolicy.maxServerErrorWaitMs` of
 * waits), never the rate window; a 401 of a session token once, with a new token.
 */
export async function sendRequest(
	context: RequestContext,
	service: ServiceDefinition,
	options: IHttpRequestOptions,
	{ itemIndex, authenticate = true, answerFailures = false }: SendOptions = {},
): Promise<HttpAnswer> {
	const account = await accountOf(context, service);
	const { gate } = account;
	const session = authenticate ? account.session : undefined;
	const signal = context.getExecutionCancelSignal?.();
	const request: IHttpRequestOptions = { ...options, baseURL: account.baseUrl };
	const login = async () =>
		await service.session!.login(account.credentials, async (loginOptions) =>
			await sendRequest(context, service, loginOptions, { itemIndex, authenticate: false, answerFailures: true }),
		);
	let renewed = false;
	let firstSentAt: number | undefined;
	/** The waits after 429s so far. */
	let waitedMs = 0;
	/** Server errors and lost connections so far, and the waits after them. */
	let failures = 0;
	let failureWaitedMs = 0;

	for (let attempt = 1; ; attempt++) {
		const asked = clock.now();
		const { slot, ticket } = await turnToSend(context, service, account, session, login, itemIndex);
		addWait(context, slot.sentAt - asked);
		firstSentAt ??= slot.sentAt;
		let answer: HttpAnswer | undefined;
		let thrown: unknown;
		try {
			answer = await exchange(context, service, account, request, authenticate, ticket);
		} catch (error) {
			thrown = error;
		}
		const state = readRateLimit(answer?.headers);
		const rateLimited = answer?.statusCode === 429 && (service.isRateLimit?.(answer) ?? true);
		const retry = answer === undefined || answer.statusCode >= 400 ? isRetryable(answer, rateLimited, request.method, thrown) : false;
		if (retry && !rateLimited) failures++;
		const waitMs = !retry ? undefined : rateLimited ? rateLimitDelayMs(answer, attempt) : serverErrorDelayMs(answer, failures);
		// The token's fate first: the gate's next turn (on release) reads it.
		ticket?.settle(answer && answer.statusCode !== 401);
		gate.release(slot, state, rateLimited ? waitMs : undefined);
		if (thrown && signal?.aborted) throw cancellationError(signal);

		if (answer && answer.statusCode < 400) return answer;
		// A refused session token: the server did nothing; log in again once and resend.
		if (ticket && answer?.statusCode === 401 && !renewed) {
			renewed = true;
			attempt--;
			continue;
		}
		const giveUp =
			!retry ||
			(rateLimited
				? waitedMs + waitMs! > retryPolicy.maxRateLimitWaitMs
				: failures >= retryPolicy.maxTries || failureWaitedMs + waitMs! > retryPolicy.maxServerErrorWaitMs);
		if (giveUp) {
			if (answer && answerFailures) return answer;
			const rateLimit = rateLimited
				? { tries: attempt, elapsedMs: clock.now() - firstSentAt, waitedMs, askedMs: waitMs!, retryAfter: retryAfterOf(answer), state }
				: undefined;
			const error = service.toError(context.getNode(), { answer, error: thrown, itemIndex, rateLimit, request: { baseUrl: account.baseUrl, url: request.url } });
			if (failures > 0) {
				// Given up before the tries ran out: the wait the server asked for would pass the bound.
				const askedMs = retry && failures < retryPolicy.maxTries ? serverAskedMs(answer) : undefined;
				addToDescription(
					error,
					serverErrorGiveUpReason(service.name, { tries: failures, elapsedMs: clock.now() - firstSentAt, answered: answer !== undefined, askedMs }),
				);
			}
			if (!isRead(request.method) && (answer === undefined || answer.statusCode >= 500)) {
				warnMayHaveApplied(error, service.name, request.method!);
			}
			throw error;
		}
		if (rateLimited) waitedMs += waitMs!;
		else failureWaitedMs += waitMs!;
		// When the 429 spent the budget, the gate also holds every other request of the account until then.
		await clock.sleep(waitMs!, signal);
		addWait(context, waitMs!);
	}
}
