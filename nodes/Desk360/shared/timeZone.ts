import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { invalidField, type FieldContext } from '../../shared/validation';
import { isTimeZone } from './ticketValues';

/**
 * The zone Desk360 writes its zone-less times ("2026-03-01 10:00:00") in: the
 * Desk360 credential's Desk360 Time Zone. Empty, or a credential saved before
 * the field existed: UTC, the zone a Laravel application keeps unless
 * configured otherwise.
 */
export function desk360CredentialTimeZone(context: FieldContext, credentials: ICredentialDataDecryptedObject): string {
	const zone = String(credentials.timeZone ?? '').trim() || 'UTC';
	if (!isTimeZone(zone)) {
		throw invalidField(context, 'Desk360 Time Zone', 'must be an IANA time zone name such as UTC or Europe/Istanbul', zone, 'the Desk360 credential');
	}
	return zone;
}
