import { simplifyField } from '../../../shared/output';
import { getOperation } from '../../shared/descriptions';
import { sendbirdTicketOutput } from './output';
import { ticketIdField } from './shared';

const get = getOperation('ticket', '/tickets', 'ticketId', 'Ticket', 'Get a ticket by its ID', ticketIdField);

export const { option } = get;
export const fields = [...get.fields, simplifyField(sendbirdTicketOutput)];
export const output = sendbirdTicketOutput;
