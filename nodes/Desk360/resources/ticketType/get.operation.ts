import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ticketTypeSelector } from './shared';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a ticket type',
	routing: { request: { method: 'GET', url: '/v1/types/:typeId' } },
};

export const fields: INodeProperties[] = [ticketTypeSelector];
