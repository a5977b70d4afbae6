import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/output';
import { productLocator, ticketLocator } from '../../shared/descriptions';
import { ticketOutput } from './output';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a ticket',
	description: 'Get a ticket with its messages',
	routing: { request: { method: 'GET', url: '/v1/products/:productId/tickets/:ticketId' } },
};

export const fields: INodeProperties[] = [productLocator, ticketLocator, simplifyField(ticketOutput)];

export const output = ticketOutput;
