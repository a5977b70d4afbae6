import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/output';
import type { ToolUse } from '../../../shared/toolUse';
import { productLocator, ticketLocator } from '../../shared/descriptions';
import { ticketOutput } from './output';
import { TICKET_FIELDS_TEXT, TICKET_ID_ARGUMENT } from './shared';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a ticket',
	description: 'Get a ticket with its messages',
	routing: { request: { method: 'GET', url: '/v1/products/:productId/tickets/:ticketId' } },
};

export const fields: INodeProperties[] = [productLocator, ticketLocator, simplifyField(ticketOutput)];

export const output = ticketOutput;

export const tool: ToolUse = {
	description: `Get one Desk360 ticket with its whole conversation. Use it to read what the customer wrote before you answer; to find a ticket's id, use the tool that lists tickets. Returns the ticket (${TICKET_FIELDS_TEXT}) and its messages, each with type_name Message (from the customer or an agent) or Note (seen only by agents).`,
	arguments: { ticketId: TICKET_ID_ARGUMENT },
};
