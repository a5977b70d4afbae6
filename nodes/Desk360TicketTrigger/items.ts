import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { isTimeZone, readableTicket } from '../Desk360/shared/ticketValues';
import { desk360Service } from '../Desk360/shared/service';
import { desk360CredentialTimeZone } from '../Desk360/shared/timeZone';
import { credentialsOf } from '../shared/send';
import { withoutProtoKeys } from '../shared/ownKeys';
import { invalidField } from '../shared/validation';
import type { ListedTicket } from './changes';
import type { TicketEvent } from './description';

/**
 * The zone Desk360's timestamps are read in for the ISO fields: the option
 * (kept from before the credential had one), or the Desk360 credential's.
 */
export async function desk360TimeZone(context: IPollFunctions): Promise<string> {
	const chosen = String(context.getNodeParameter('options.timeZone', '') ?? '').trim();
	if (chosen === '') return desk360CredentialTimeZone(context, await credentialsOf(context, desk360Service));
	if (!isTimeZone(chosen)) {
		throw invalidField(context, 'Desk360 Time Zone', 'must be an IANA time zone name such as Europe/Istanbul or UTC', chosen);
	}
	return chosen;
}

/** One output item: the event, the ticket's fields and their readable values (names, ISO times). */
export function ticketItem(event: TicketEvent, ticket: ListedTicket, timeZone: string): INodeExecutionData {
	return { json: Object.assign({ event }, readableTicket(withoutProtoKeys(ticket.data), timeZone), { event }) };
}
