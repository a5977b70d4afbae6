import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { listAnswer } from '../../../shared/resource';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many ticket types',
	description: 'List the ticket types of every product',
	routing: { request: { method: 'GET', url: '/v1/types' } },
};

export const fields: INodeProperties[] = [...returnAllAndLimit];

/** Page after page, by Desk360's Link header. */
export const answer = listAnswer();

export const tool: ToolUse = {
	description:
		"List the ticket types of every Desk360 product. Use it to learn what a ticket's type_id means. Returns at most the node's limit of ticket types, as Desk360 sends them.",
};
