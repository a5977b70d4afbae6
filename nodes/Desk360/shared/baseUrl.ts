import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const DESK360_API = 'https://api.desk360.com';

/**
 * The one rule for Desk360's address: the credential's Base URL without
 * trailing slashes, or Desk360's own when it is empty. The door applies it to
 * every request; DESK360_BASE_URL_EXPRESSION is the same rule for the
 * credential test, which n8n sends itself (a test proves the two agree).
 */
export function desk360BaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return (String(credentials.baseUrl ?? '').trim() || DESK360_API).replace(/\/+$/, '');
}

export const DESK360_BASE_URL_EXPRESSION = `={{ (String($credentials.baseUrl || "").trim() || "${DESK360_API}").replace(/\\/+$/, "") }}`;
