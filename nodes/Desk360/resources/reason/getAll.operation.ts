import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { listAnswer } from '../../../shared/resource';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many reasons',
	description: 'List the ticket reasons of every product',
	routing: { request: { method: 'GET', url: '/v1/reasons' } },
};

export const fields: INodeProperties[] = [...returnAllAndLimit];

/** Page after page, by Desk360's Link header. */
export const answer = listAnswer();
