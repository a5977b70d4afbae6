import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many ticket types',
	description: 'List the ticket types of every product',
	routing: { request: { method: 'GET', url: '/v1/types' } },
};

export const fields: INodeProperties[] = [...returnAllAndLimit];
