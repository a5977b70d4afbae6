import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { activeField, ticketTypeSelector } from './shared';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a ticket type',
	description: 'Switch a custom ticket type on or off (built-in types cannot change)',
	routing: { request: { method: 'PUT', url: '/v1/types/:typeId' } },
};

export const fields: INodeProperties[] = [ticketTypeSelector, activeField];
