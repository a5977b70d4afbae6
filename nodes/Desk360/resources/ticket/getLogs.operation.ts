import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { productLocator, ticketLocator } from '../../shared/descriptions';
import { listAnswer } from '../../../shared/resource';

export const option: INodePropertyOptions = {
	name: 'Get Logs',
	value: 'getLogs',
	action: 'Get the logs of a ticket',
	description: 'Get the status changes of a ticket, one item per change',
	routing: { request: { method: 'GET', url: '/v1/products/:productId/tickets/:ticketId/logs' } },
};

export const fields: INodeProperties[] = [productLocator, ticketLocator];

/** Page after page, by Desk360's Link header. */
export const answer = listAnswer();
