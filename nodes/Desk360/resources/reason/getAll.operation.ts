import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many reasons',
	description: 'List the ticket reasons of every product',
	routing: { request: { method: 'GET', url: '/v1/reasons' } },
};

export const fields: INodeProperties[] = [...returnAllAndLimit];
