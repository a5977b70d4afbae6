import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { listAnswer } from '../../../shared/resource';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many products',
	description: 'List the products (applications) of the Desk360 account',
	routing: { request: { method: 'GET', url: '/v1/products' } },
};

export const fields: INodeProperties[] = [...returnAllAndLimit];

/** Page after page, by Desk360's Link header. */
export const answer = listAnswer();

export const tool: ToolUse = {
	description:
		"List the products (applications) of the Desk360 account. Each product has its own tickets; the other tools work on the product set in them, so this is for learning the product names and ids. Returns at most the node's limit of products, as Desk360 sends them.",
};
