import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { simplifyField } from '../../../shared/output';
import { listAnswer } from '../../../shared/resource';
import { productLocator } from '../../shared/descriptions';
import { laravelPages } from '../../shared/pages';
import { templateOutput } from './output';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many WhatsApp templates',
	description: 'List the WhatsApp message templates of a product with their languages and parameter keys',
	routing: { request: { method: 'GET', url: '/v1/products/:productId/conversations/templates' } },
};

export const fields: INodeProperties[] = [productLocator, ...returnAllAndLimit, simplifyField(templateOutput)];

/** Templates answer a Laravel page object instead of a list with a Link header. */
export const answer = listAnswer({ readPage: laravelPages });

export const output = templateOutput;

export const tool: ToolUse = {
	description:
		"List the approved WhatsApp message templates of the product. Returns at most the node's limit of templates, each with id, template_name, language_codes and parameter_keys; the template a send tool uses is set in that tool.",
};
