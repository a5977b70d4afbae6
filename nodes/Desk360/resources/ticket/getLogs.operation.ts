import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { productLocator, ticketLocator } from '../../shared/descriptions';
import { simplifyField } from '../../../shared/output';
import { listAnswer } from '../../../shared/resource';
import { ticketLogOutput } from './output';

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
