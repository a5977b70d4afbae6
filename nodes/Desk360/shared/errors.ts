import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { rateLimitGiveUpReason } from '../../shared/retry';
import type { RequestFailure } from '../../shared/service';
import { Desk360LoginError } from './login';

/** What the user should check, by Desk360 error code. */
export const HINTS: Record<string, string> = {
	failed_validation:
		'Desk360 rejected a value: check the field the message names (required fields, dates as YYYY-MM-DD, IDs that exist).',
	model_not_found_exception:
		'The product, ticket, reason, type or agent does not exist in this Desk360 account, or belongs to another account. Pick it from the list instead of typing its ID.',
	not_found:
		'The product, ticket, reason, type or agent does not exist in this Desk360 account. Pick it from the list instead of typing its ID.',
	authentication_exception:
		'The token was refused. Open the Desk360 credential and paste a token from Desk360 Panel → Settings → API, or switch the credential to Email and Password.',
	not_authorized:
		'The Desk360 user of this credential may not change this resource. Use a credential of a user with the right permissions.',
	status_update_failed:
		'Only Resolved or Waiting can be set, and the reason of a resolved ticket cannot change.',
	non_custom_type: 'Only custom ticket types can be updated; built-in types cannot.',
	insecure_request_exception: 'Desk360 only accepts HTTPS: the Base URL in the credential must start with https://.',
	not_found_exception:
		'Desk360 does not know this address. Check the Base URL in the credential (normally https://api.desk360.com).',
	method_not_allowed_exception:
		'Desk360 does not allow this request here. Check the Base URL in the credential (normally https://api.desk360.com).',
	email_error: 'Desk360 could not send the email: check the email address of the customer.',
	facebook_integration_error: 'Check that the Facebook integration is still active in the Desk360 Panel.',
	instagram_integration_error: 'Check that the Instagram integration is still active in the Desk360 Panel.',
	twitter_integration_error: 'Check that the Twitter integration is still active in the Desk360 Panel.',
	internal_server_error: 'Desk360 failed on its side. Try again later; if it persists, contact Desk360 support.',
};

const STATUS_HINTS: Record<number, string> = {
	400: HINTS.failed_validation,
	401: HINTS.authentication_exception,
	403: HINTS.not_authorized,
	404: HINTS.model_not_found_exception,
	422: HINTS.failed_validation,
};

/**
 * Desk360's models (Laravel's class names) as the user knows them, the URL
 * segment their IDs follow, and whether they belong to a product.
 */
const MODELS: Record<string, { name: string; segment: string; ofProduct?: boolean }> = {
	Ticket: { name: 'Ticket', segment: 'tickets', ofProduct: true },
	Product: { name: 'Product', segment: 'products' },
	TicketType: { name: 'Ticket type', segment: 'types' },
	Reason: { name: 'Reason', segment: 'reasons' },
	WhatsappTemplate: { name: 'WhatsApp template', segment: 'templates', ofProduct: true },
};

/** Laravel's text for a missing model: "No query results for model [App\Models\Ticket] 999999". */
const LARAVEL_NOT_FOUND = /^No query results for model \[(?:[\w\\]*\\)?(\w+)\](?:\s+(.+?))?\.?$/;

/** The path segment after `name` in a request URL (IDs are digits: nothing to decode), if any. */
function segmentAfter(url: string | undefined, name: string): string | undefined {
	const segments = new URL(url ?? '', 'http://desk360.invalid').pathname.split('/');
	const index = segments.indexOf(name);
	const value = index >= 0 ? segments[index + 1] : undefined;
	return value || undefined;
}

/**
 * A headline for Laravel's "No query results for model [...]" that names what
 * was not found, with the ID and product of the request the node made:
 * "Ticket 999999 was not found in product 11". Undefined for any other text.
 */
function notFoundHeadline(apiMessage: string, url: string | undefined): string | undefined {
	const match = LARAVEL_NOT_FOUND.exec(apiMessage.trim());
	if (!match) return undefined;
	const [, model, idInMessage] = match;
	const known = MODELS[model];
	// An unlisted model by its class name: WhatsappMessage → Whatsapp message.
	const name = known?.name ?? model.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').replace(/ \w/g, (letter) => letter.toLowerCase());
	const id = (known && segmentAfter(url, known.segment)) ?? idInMessage;
	const product = known?.ofProduct ? segmentAfter(url, 'products') : undefined;
	return `${name}${id ? ` ${id}` : ''} was not found ${product ? `in product ${product}` : 'in this Desk360 account'}`;
}

function rateLimitError(node: INode, failure: RequestFailure): NodeApiError {
	const what = rateLimitGiveUpReason('Desk360', failure.rateLimit!);
	return new NodeApiError(node, { code: 'too_many_requests_exception' } as JsonObject, {
		message: 'Desk360 kept refusing the request: 429 Too Many Requests',
		description: `${what} Desk360 counts its limit per IP address: other workflows, n8n workers and tools calling from the same address spend the same budget. To send fewer requests at once, open the Desk360 node's Settings tab → Request Options → Add Option → Batching.`,
		httpCode: '429',
		itemIndex: failure.itemIndex,
	});
}

/** Error bodies of binary downloads arrive as bytes. */
function parseBody(body: unknown): unknown {
	if (!Buffer.isBuffer(body) && !(body instanceof ArrayBuffer) && typeof body !== 'string') return body;
	try {
		return JSON.parse(Buffer.from(body as Buffer).toString('utf8'));
	} catch {
		return undefined;
	}
}

/** The error a user sees for a failed Desk360 request: Desk360's own message and what to check. */
export function desk360Error(node: INode, failure: RequestFailure): Error {
	if (failure.rateLimit) return rateLimitError(node, failure);

	const { answer } = failure;
	if (!answer) {
		if (failure.error instanceof Desk360LoginError) {
			const { code, message, description } = failure.error;
			return new NodeApiError(node, { code } as JsonObject, {
				message,
				description,
				httpCode: '401',
				itemIndex: failure.itemIndex,
			});
		}
		// Rebuilt from its message only: the error n8n threw may hold the request, token included.
		const thrown = failure.error as { message?: string } | undefined;
		return new NodeApiError(node, { code: 'network_error' } as JsonObject, {
			message: `Could not reach Desk360: ${thrown?.message ?? 'no answer'}`,
			description: 'Check the Base URL in the Desk360 credential and that this n8n can reach it.',
			itemIndex: failure.itemIndex,
		});
	}

	const apiError = (parseBody(answer.body) as { error?: { code?: string; message?: string } } | undefined)
		?.error;
	const code = apiError?.code;
	const hint = (code && HINTS[code]) ?? STATUS_HINTS[answer.statusCode] ?? 'Check the values sent to Desk360.';
	const notFound = apiError?.message ? notFoundHeadline(apiError.message, failure.request?.url) : undefined;
	// A rewritten headline keeps Desk360's own text in the description.
	const said = notFound ? `Desk360 answered: "${apiError!.message}". ` : '';
	return new NodeApiError(node, { code: code ?? null, message: apiError?.message ?? null } as JsonObject, {
		message: notFound ?? apiError?.message ?? `Desk360 answered HTTP ${answer.statusCode}`,
		description: `${said}${hint}${code ? ` (Desk360 error code: ${code})` : ''}`,
		httpCode: String(answer.statusCode),
		itemIndex: failure.itemIndex,
	});
}
