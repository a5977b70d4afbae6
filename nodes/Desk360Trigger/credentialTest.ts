import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/** The shortest secret the test accepts: shorter ones can be guessed. */
export const MIN_SECRET_LENGTH = 12;

/** An HTTP header name (RFC 9110 token characters). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A query parameter name that stays one parameter of the pasted URL. */
const PARAMETER_NAME = /^[A-Za-z0-9_.~-]+$/;

function problemOf(data: ICredentialDataDecryptedObject): string | undefined {
	const header = data.sentIn === 'header';
	const name = String((header ? data.headerName : data.parameterName) ?? '').trim();
	const secret = String(data.secret ?? '');
	if (!(header ? HEADER_NAME : PARAMETER_NAME).test(name)) {
		return `The ${header ? 'header' : 'parameter'} name must be letters, digits and ${header ? "!#$%&'*+.^_`|~-" : '_ . ~ -'} only`;
	}
	if (secret.length < MIN_SECRET_LENGTH) return `The secret must be at least ${MIN_SECRET_LENGTH} characters long`;
	if (!header && /[&#%\s]/.test(secret)) {
		return 'A secret in the URL must not contain &, #, % or spaces (they would change the pasted URL)';
	}
	return undefined;
}

/**
 * The test of the Desk360 WhatsApp Webhook credential. Desk360 has no endpoint
 * that could confirm the secret, so the test checks what the trigger needs:
 * a usable name and a secret long enough not to be guessed.
 */
export async function desk360WhatsAppWebhookTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = problemOf(credential.data ?? {});
	if (problem) return { status: 'Error', message: problem };
	return { status: 'OK', message: 'The secret can be used. Set the same secret in Desk360 (in the pasted URL or the header).' };
}
