import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { rateLimitGiveUpReason } from '../../shared/retry';
import type { RequestFailure } from '../../shared/service';

export const CHECK_CREDENTIAL =
	'Sendbird Desk refused the API token. Open the Sendbird Desk credential: check the Application ID and paste the Desk API token of that application (Sendbird Dashboard, Desk settings).';

/** What the user should check, by Sendbird Desk error code (sent as 400201 or deskp400201). */
const HINTS: Record<string, string> = {
	'400105': 'A required field is missing: fill in the field the message names.',
	'400111':
		'A value has the wrong type: check the field the message names (IDs are whole numbers, dates are YYYY-MM-DD).',
	'400113':
		'A value is out of range: check the field the message names (Limit per page, a date range of at most one year).',
	'400201':
		'No such ID in this Sendbird Desk application: check the ID, and that the credential names the application it belongs to.',
};

const STATUS_HINTS: Record<number, string> = {
	400: 'Sendbird Desk rejected a value: check the field the message names.',
	401: CHECK_CREDENTIAL,
	403: CHECK_CREDENTIAL,
	404: 'Sendbird Desk does not know this ID or address: check the ID, and the Application ID and Base URL in the credential.',
};

/** Where Sendbird Desk's Platform API lives below any host: a Base URL without it gets 404 for every path. */
const API_ROOT = '/platform/v1';

/** For a 404: what the Base URL should look like, when the credential's does not end in /platform/v1. */
function baseUrlHint(failure: RequestFailure): string {
	const baseUrl = failure.request?.baseUrl;
	if (failure.answer?.statusCode !== 404 || baseUrl === undefined || baseUrl.endsWith(API_ROOT)) return '';
	// The Base URL itself is not repeated: it may carry a proxy's user and password.
	return `The Base URL in the Sendbird Desk credential does not end in ${API_ROOT}, where Sendbird Desk's API is: it should look like https://desk-api-<APP_ID>.sendbird.com${API_ROOT} (leave Base URL empty to use that address), or a proxy's address ending in ${API_ROOT}. `;
}

function rateLimitError(node: INode, failure: RequestFailure): NodeApiError {
	const what = rateLimitGiveUpReason('Sendbird Desk', failure.rateLimit!);
	return new NodeApiError(node, { code: 429 } as JsonObject, {
		message: 'Sendbird Desk kept refusing the request: 429 Too Many Requests',
		description: `${what} Sendbird does not publish Desk's limits. To send fewer requests at once, open the Sendbird Desk node's Settings tab → Request Options → Add Option → Batching.`,
		httpCode: '429',
		itemIndex: failure.itemIndex,
	});
}

/** The error a user sees for a failed Sendbird Desk request: Sendbird's own message and what to check. */
export function sendbirdDeskError(node: INode, failure: RequestFailure): Error {
	if (failure.rateLimit) return rateLimitError(node, failure);

	const { answer } = failure;
	if (!answer) {
		// Rebuilt from its message only: the error n8n threw may hold the request, token included.
		const thrown = failure.error as { message?: string } | undefined;
		return new NodeApiError(node, { code: 'network_error' } as JsonObject, {
			message: `Could not reach Sendbird Desk: ${thrown?.message ?? 'no answer'}`,
			description:
				'Check the Application ID and the Base URL in the Sendbird Desk credential, and that this n8n can reach that address.',
			itemIndex: failure.itemIndex,
		});
	}

	const body = (answer.body ?? {}) as { message?: unknown; code?: unknown };
	const message = typeof body.message === 'string' && body.message !== '' ? body.message : undefined;
	const code = body.code === undefined || body.code === null ? undefined : String(body.code);
	const hint =
		(code && HINTS[code.replace(/^deskp/i, '')]) ??
		STATUS_HINTS[answer.statusCode] ??
		(answer.statusCode >= 500
			? 'Sendbird Desk failed on its side. Try again later.'
			: 'Check the values sent to Sendbird Desk.');
	return new NodeApiError(node, { code: code ?? null, message: message ?? null } as JsonObject, {
		message: message ?? `Sendbird Desk answered HTTP ${answer.statusCode}`,
		description: `${baseUrlHint(failure)}${hint}${code ? ` (Sendbird error code: ${code})` : ''}`,
		httpCode: String(answer.statusCode),
		itemIndex: failure.itemIndex,
	});
}
