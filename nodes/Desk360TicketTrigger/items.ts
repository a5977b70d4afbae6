import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { readableTicket } from '../Desk360/shared/ticketValues';
import { withoutProtoKeys } from '../shared/ownKeys';
import { invalidField } from '../shared/validation';
import type { ListedTicket } from './changes';
import type { TicketEvent } from './description';

/**
 * The zone Desk360's timestamps are read in for the ISO fields: the option,
 * or the workflow's time zone. Desk360 does not say which zone it writes.
 */
export function desk360TimeZone(context: IPollFunctions): string {
	const chosen = String(context.getNodeParameter('options.timeZone', '') ?? '').trim();
	const zone = chosen || context.getTimezone();
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		throw invalidField(context, 'Desk360 Time Zone', 'must be an IANA time zone name such as Europe/Istanbul or UTC', zone);
	}
	return zone;
}

/** One output item: the event, the ticket's fields and their readable values (names, ISO times). */
export function ticketItem(event: TicketEvent, ticket: ListedTicket, timeZone: string): INodeExecutionData {
	return { json: Object.assign({ event }, readableTicket(withoutProtoKeys(ticket.data), timeZone), { event }) };
}
