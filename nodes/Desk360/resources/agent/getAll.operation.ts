import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { listAnswer } from '../../../shared/resource';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many agents',
	description: 'List the agents of the Desk360 account',
	routing: { request: { method: 'GET', url: '/v1/agents' } },
};

export const fields: INodeProperties[] = [...returnAllAndLimit];

/** Page after page, by Desk360's Link header. */
export const answer = listAnswer();
