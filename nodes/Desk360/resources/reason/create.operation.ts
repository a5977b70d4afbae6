import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { productIdField, requireProductAndTitle, titleField } from '../../shared/descriptions';
import { reasonActiveField } from './shared';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a reason',
	routing: {
		request: { method: 'POST', url: '/v1/reasons' },
		send: { preSend: [requireProductAndTitle] },
	},
};

export const fields: INodeProperties[] = [productIdField, titleField, reasonActiveField];
