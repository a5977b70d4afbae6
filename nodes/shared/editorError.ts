import { NodeApiError } from 'n8n-workflow';

/**
 * Dropdowns and list searches in n8n's editor show an error's message and
 * nothing else: the hint of what to fix, which a node run shows as the
 * description, goes into the message there (else a refused token reads only
 * "Unauthenticated.").
 */
export async function withHintInMessage<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (error) {
		if (error instanceof NodeApiError && error.description && !error.message.includes(error.description)) {
			error.message = `${error.message.replace(/\.?\s*$/, '.')} ${error.description}`;
		}
		throw error;
	}
}
