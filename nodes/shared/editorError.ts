import { NodeApiError } from 'n8n-workflow';

/**
 * Dropdowns and list searches in n8n's editor show an error's message and
 * nothing else: the hint of what to fix, which a node run shows as the
 * description, goes into the message there (else a refused token reads only
 * "Unauthenticated."). The error stays the door's NodeApiError, with its HTTP
 * details.
 */
export async function withHintInMessage<T>(work: Promise<T>): Promise<T> {
	return await work.catch(async (error: unknown) => await Promise.reject(hintInMessage(error)));
}

function hintInMessage(error: unknown): unknown {
	if (error instanceof NodeApiError && error.description && !error.message.includes(error.description)) {
		error.message = `${error.message.replace(/\.?\s*$/, '.')} ${error.description}`;
	}
	return error;
}
