import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { invalidField, validateRequest } from '../../../shared/validation';
import { productIdField, titleArgument, titleField } from '../../shared/descriptions';
import { reasonActiveField, reasonSelector } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

async function requireAnUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (Object.keys(requestOptions.body ?? {}).length === 0) {
		throw invalidField(this, 'Update Fields', 'must set at least one field');
	}
	return requestOptions;
}

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a reason',
	routing: {
		request: { method: 'PUT', url: '/v1/reasons/:reasonId' },
		send: {
			preSend: [
				validateRequest({
					product_id: { field: 'Product', type: 'id' },
					title: { field: 'Title', type: 'text' },
				}),
				requireAnUpdate,
			],
		},
	},
};

export const fields: INodeProperties[] = [
	reasonSelector,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			reasonActiveField,
			{ ...productIdField, required: false, description: 'Move the reason to another product' },
			{ ...titleField, required: false },
		],
	},
];

export const tool: ToolUse = {
	description:
		'Rename the Desk360 ticket reason set in this tool, or apply the changes set in the tool. Returns the updated reason as Desk360 sends it.',
	arguments: { 'updateFields.title': { ...titleArgument, description: 'The new name of the reason, e.g. Billing; leave empty to keep the name', default: '' } },
};
