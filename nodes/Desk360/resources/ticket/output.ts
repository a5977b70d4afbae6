import type { OutputRule } from '../../../shared/output';
import { readableLog, readableMessage, readableTicket, readableTicketWithMessages } from '../../shared/ticketValues';

const TICKET_FIELDS = [
	'id', 'subject', 'name', 'email', 'status', 'status_name', 'priority', 'priority_name', 'channel', 'platform',
	'agent_id', 'reason_id', 'type_id', 'last_message', 'created_at_iso', 'updated_at_iso',
];

/** Get Many: readable values; Simplify keeps the fields a ticket list is read for. */
export const ticketListOutput: OutputRule = { readable: readableTicket, simplified: TICKET_FIELDS };

/** Get: the same, with the messages (each with its type name). */
export const ticketOutput: OutputRule = { readable: readableTicketWithMessages, simplified: [...TICKET_FIELDS, 'messages'] };

/** Get Logs: status names next to the IDs. */
export const ticketLogOutput: OutputRule = {
	readable: readableLog,
	simplified: ['id', 'old_status_name', 'new_status_id', 'new_status_name', 'reason_id', 'agent_id', 'created_at_iso'],
};

/** Create and Update Status answer the ticket: its readable values. */
export const ticketChangeOutput: OutputRule = { readable: readableTicket };

/** Reply and Add Note answer the message: its type name. */
export const messageOutput: OutputRule = { readable: readableMessage };
