import {
	ExecutionBaseError,
	type ICredentialDataDecryptedObject,
	type IAllExecuteFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';

import { cancellationError, clock } from './clock';
import { rateGateFor, type RateGate } from './rateGate';
import { isRead, isRetryable, readRateLimit, retryAfterOf, retryDelayMs, retryPolicy } from './retry';
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

/** The Base URL the account's requests go to (the service's one rule, applied to the context's credential). */
export async function baseUrlOf(context: RequestContext, service: ServiceDefinition): Promise<string> {
	return (await accountOf(context, service)).baseUrl;
}

/** A token for one request; a refused login becomes the service's error, naming what to fix. */
async function sessionTicket(
	context: RequestContext,
	service: ServiceDefinition,
	session: TokenSession,
	executionId: string,
	login: () => Promise<string>,
	itemIndex: number | undefined,
): Promise<TokenTicket> {
	let failure: unknown;
	try {
		return await session.ticket(executionId, login);
	} catch (error) {
		failure = error;
	}
	// n8n's own errors (a failed login request, a cancellation) are already what the user should see.
	if (failure instanceof ExecutionBaseError) throw failure;
	throw service.toError(context.getNode(), { error: failure, itemIndex });
}

function executionIdOf(context: RequestContext): string {
	try {
		return context.getExecutionId?.() ?? '';
	} catch {
		return '';
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

/**
 * A write that got a server error or no answer is not sent again: it may have
 * been applied. The error says so, and how to find out.
 */
function warnMayHaveApplied(error: Error, apiName: string, method: string): void {
	const warning = `This ${method} may have reached ${apiName} and been applied although no success came back, so the node did not send it again. Check in ${apiName} (for example with Get or Get Many) whether it was applied before you run it again, or it may be applied twice.`;
	const described = error as Error & { description?: string | null };
	described.description = described.description ? `${described.description} ${warning}` : warning;
}

/**
 * The one way the nodes send a request: the account's base URL, its rate gate,
 * its session token, retries (429 always, as long as the server's waits add up
 * to no more than `retryPolicy.maxRateLimitWaitMs`; server errors and lost
 * connections for reads only, up to `retryPolicy.maxTries`; a 401 of a session
 * token once, with a new token), and the service's errors. `options.url` is a
 * path below the base URL. Every wait ends when the execution is cancelled.
 */
export async function sendRequest(
	context: RequestContext,
	service: ServiceDefinition,
	options: IHttpRequestOptions,
	{ itemIndex, authenticate = true, answerFailures = false }: SendOptions = {},
): Promise<HttpAnswer> {
	const account = await accountOf(context, service);
	const { gate, session } = account;
	const signal = context.getExecutionCancelSignal?.();
	const executionId = executionIdOf(context);
	const request: IHttpRequestOptions = { ...options, baseURL: account.baseUrl };
	const login = async () =>
		await service.session!.login(account.credentials, async (loginOptions) =>
			await sendRequest(context, service, loginOptions, { itemIndex, authenticate: false, answerFailures: true }),
		);
	let renewed = false;
	let firstSentAt: number | undefined;
	/** The waits after 429s so far. */
	let waitedMs = 0;

	for (let attempt = 1; ; attempt++) {
		const ticket = authenticate && session ? await sessionTicket(context, service, session, executionId, login, itemIndex) : undefined;
		const slot = await gate.acquire(signal);
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
		const waitMs = retry ? retryDelayMs(answer, attempt) : undefined;
		gate.release(slot, state, rateLimited ? waitMs : undefined);
		ticket?.settle(answer && answer.statusCode !== 401);
		if (thrown && signal?.aborted) throw cancellationError(signal);

		if (answer && answer.statusCode < 400) return answer;
		// A refused session token: the server did nothing; log in again once and resend.
		if (ticket && answer?.statusCode === 401 && !renewed) {
			renewed = true;
			attempt--;
			continue;
		}
		const giveUp =
			!retry || (rateLimited ? waitedMs + waitMs! > retryPolicy.maxRateLimitWaitMs : attempt >= retryPolicy.maxTries);
		if (giveUp) {
			if (answer && answerFailures) return answer;
			const rateLimit = rateLimited
				? { tries: attempt, elapsedMs: clock.now() - firstSentAt, waitedMs, askedMs: waitMs!, retryAfter: retryAfterOf(answer), state }
				: undefined;
			const error = service.toError(context.getNode(), { answer, error: thrown, itemIndex, rateLimit, request: { baseUrl: account.baseUrl, url: request.url } });
			if (!isRead(request.method) && (answer === undefined || answer.statusCode >= 500)) {
				warnMayHaveApplied(error, service.name, request.method!);
			}
			throw error;
		}
		if (rateLimited) waitedMs += waitMs!;
		// When the 429 spent the budget, the gate also holds every other request of the account until then.
		await clock.sleep(waitMs!, signal);
	}
}
