import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
	RequestHelperFunctions,
} from 'n8n-workflow';

import type { RateLimitState } from './rateGate';
import type { FieldContext } from './validation';

/** The part of any n8n context (execute, load options, list search, poll, webhook) a request needs. */
export interface RequestContext {
	helpers: Pick<RequestHelperFunctions, 'httpRequest' | 'httpRequestWithAuthentication'>;
	getNode(): INode;
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string, itemIndex?: number): Promise<T>;
	getExecutionId?(): string;
	getExecutionCancelSignal?(): AbortSignal | undefined;
}

/** An HTTP answer, whatever its status. */
export interface HttpAnswer {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** One page of a list: its objects and, unless it is the last, the address of the next page. */
export interface Page {
	objects: IDataObject[];
	next?: string;
}

/** How a list answer gives its objects and the address of its next page. */
export type PageReader = (answer: HttpAnswer) => Page;

/** How a service's lists page. */
export interface ListRules {
	readPage: PageReader;
	/** The query parameter that sets the page size, and the most it allows; absent for fixed pages. */
	pageSize?: { parameter: string; max: number };
}

/** Why a request failed, with the answer when there was one. */
export interface RequestFailure {
	answer?: HttpAnswer;
	/** The error thrown when there was no HTTP answer (network, refused login). */
	error?: unknown;
	itemIndex?: number;
	/** Set when the failure is a 429 the node stopped retrying. */
	rateLimit?: RateLimitFailure;
	/** Where the request went (no headers, no body): the account's base URL and the URL below it. */
	request?: { baseUrl: string; url: string };
}

/** What happened to a request the server kept refusing with 429. */
export interface RateLimitFailure {
	/** How many times it was sent. */
	tries: number;
	/** From its first try to the last answer, in ms. */
	elapsedMs: number;
	/** The waits between the tries, added up, in ms. */
	waitedMs: number;
	/** The wait the last 429 asked for (the one the node did not wait), in ms. */
	askedMs: number;
	/** The last 429's Retry-After header as sent. */
	retryAfter?: string;
	/** What the last 429 said about the limit. */
	state: RateLimitState;
}

/**
 * A token the node obtains itself by logging in (Desk360's email/password
 * mode), instead of one the user pastes.
 */
export interface SessionRules {
	/** Whether these credentials log in. */
	applies(credentials: ICredentialDataDecryptedObject): boolean;
	/** The credential field the credential's `authenticate` reads the token from. */
	field: string;
	/** Identifies one login (the same account, address and password share a token). */
	key(credentials: ICredentialDataDecryptedObject): string;
	/** Logs in; `post` sends the login request through the door (paced, without authentication). */
	login(
		credentials: ICredentialDataDecryptedObject,
		post: (options: IHttpRequestOptions) => Promise<HttpAnswer>,
	): Promise<string>;
}

/** Everything the door needs to know about one API. */
export interface ServiceDefinition {
	/** The API's name in messages, e.g. "Desk360". */
	name: string;
	credentialType: string;
	/** The one rule for the address every request goes to (node, dropdowns, triggers). */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/**
	 * The path the API's own addresses start with (e.g. `/platform/v1`): the
	 * part of a next-page address that the Base URL stands for.
	 */
	apiRoot: string;
	/** Identifies the account whose rate limit a request spends. */
	accountKey(credentials: ICredentialDataDecryptedObject): string;
	lists: ListRules;
	session?: SessionRules;
	/** Whether a 429 is the rate limit (the default) and not some other refusal the API answers 429 for. */
	isRateLimit?(answer: HttpAnswer): boolean;
	/**
	 * The zone the API writes its zone-less times in, for the readable values
	 * of the output (from the context's credential); absent: the workflow's zone.
	 */
	timeZone?(context: FieldContext, credentials: ICredentialDataDecryptedObject): string;
	/** Turns a failed request into the error the user sees. */
	toError(node: INode, failure: RequestFailure): Error;
}
