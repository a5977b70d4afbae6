import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many agents',
	description: 'List the agents of the Desk360 account',
	routing: { request: { method: 'GET', url: '/v1/agents' } },
};

export const fields: INodeProperties[] = [...returnAllAndLimit];
