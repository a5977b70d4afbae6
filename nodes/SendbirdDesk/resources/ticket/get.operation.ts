import { simplifyField } from '../../../shared/output';
import { getOperation } from '../../shared/descriptions';
import { sendbirdTicketOutput } from './output';
import { TICKET_FIELDS_TEXT, TICKET_ID_ARGUMENT, ticketIdField } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

const get = getOperation('ticket', '/tickets', 'ticketId', 'Ticket', 'Get a ticket by its ID', ticketIdField);

export const { option } = get;
export const fields = [...get.fields, simplifyField(sendbirdTicketOutput)];
export const output = sendbirdTicketOutput;

export const tool: ToolUse = {
	description: `Get one Sendbird Desk ticket by its id; to find the id, use the tool that lists tickets. Returns the ticket with ${TICKET_FIELDS_TEXT}.`,
	arguments: { ticketId: TICKET_ID_ARGUMENT },
};
