import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { productLocator, ticketLocator } from '../../shared/descriptions';
import { simplifyField } from '../../../shared/output';
import { listAnswer } from '../../../shared/resource';
import { ticketLogOutput } from './output';
import type { ToolUse } from '../../../shared/toolUse';
import { TICKET_ID_ARGUMENT } from './shared';

export const option: INodePropertyOptions = {
	name: 'Get Logs',
	value: 'getLogs',
	action: 'Get the logs of a ticket',
	description: 'Get the status changes of a ticket, one item per change',
	routing: { request: { method: 'GET', url: '/v1/products/:productId/tickets/:ticketId/logs' } },
};

export const fields: INodeProperties[] = [productLocator, ticketLocator, simplifyField(ticketLogOutput)];

export const output = ticketLogOutput;

/** Page after page, by Desk360's Link header. */
export const answer = listAnswer();

export const tool: ToolUse = {
	description:
		"Get the status history of a Desk360 ticket: who changed its status, when, and why. Returns every change (this tool has no limit), each with id, old_status_name, new_status_id, new_status_name, reason_id, agent_id and created_at_iso. For the conversation, use the tool that gets a ticket.",
	arguments: { ticketId: TICKET_ID_ARGUMENT },
};
