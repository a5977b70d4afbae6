import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { reasonSelector } from './shared';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a reason',
	routing: { request: { method: 'GET', url: '/v1/reasons/:reasonId' } },
};

export const fields: INodeProperties[] = [reasonSelector];
