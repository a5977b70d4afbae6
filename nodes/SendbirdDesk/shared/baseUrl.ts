import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * The API address as an n8n expression (credential test and node defaults): the
 * credential's Base URL when set, else the address Sendbird gives the application.
 * Must agree with sendbirdDeskBaseUrl below.
 */
export const BASE_URL_EXPRESSION =
	'={{ (String($credentials.baseUrl || "").trim() || "https://desk-api-" + String($credentials.applicationId || "").trim() + ".sendbird.com/platform/v1").replace(/\\/+$/, "") }}';

/** Sendbird's own address for the credential's application (what `next` links name). */
export function sendbirdDeskDefaultUrl(credentials: ICredentialDataDecryptedObject): string {
	return `https://desk-api-${String(credentials.applicationId ?? '').trim()}.sendbird.com/platform/v1`;
}

/** The address requests go to: the Base URL override, or Sendbird's own. */
export function sendbirdDeskBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = String(credentials.baseUrl ?? '').trim();
	return (override || sendbirdDeskDefaultUrl(credentials)).replace(/\/+$/, '');
}
