import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * The API address as an n8n expression, for the credential test, which n8n
 * sends itself: the same rule as sendbirdDeskBaseUrl below (a test proves it).
 */
export const SENDBIRD_DESK_BASE_URL_EXPRESSION =
	'={{ (String($credentials.baseUrl || "").trim() || "https://desk-api-" + String($credentials.applicationId || "").trim() + ".sendbird.com/platform/v1").replace(/\\/+$/, "") }}';

/**
 * The one rule for Sendbird Desk's address: the Base URL override, or Sendbird's
 * own address for the application. The door applies it to every request.
 */
export function sendbirdDeskBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = String(credentials.baseUrl ?? '').trim();
	const own = `https://desk-api-${String(credentials.applicationId ?? '').trim()}.sendbird.com/platform/v1`;
	return (override || own).replace(/\/+$/, '');
}
