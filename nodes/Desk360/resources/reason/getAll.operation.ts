import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { listAnswer } from '../../../shared/resource';
import type { ToolUse } from '../../../shared/toolUse';

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

export const tool: ToolUse = {
	description:
		"List the ticket reasons of every Desk360 product (a reason is the topic a ticket is opened for). Use it to learn what a ticket's reason_id means. Returns at most the node's limit of reasons, as Desk360 sends them.",
};
