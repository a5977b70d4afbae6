import { getOperation } from '../../shared/descriptions';

export const { option, fields } = getOperation('ticket', '/tickets', 'ticketId', 'Ticket ID', 'Get a ticket by its ID');
