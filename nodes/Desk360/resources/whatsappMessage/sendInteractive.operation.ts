import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { checkField, invalidField, validateRequest } from '../../../shared/validation';
import { phoneNumberArgument, productLocator } from '../../shared/descriptions';
import {
	addHeader,
	BODY_ARGUMENT,
	headerFields,
	INTERACTIVE_URL,
	interactiveBodyField,
	interactiveBodyRule,
	recipientField,
	recipientRule,
} from './shared';
import type { ToolUse } from '../../../shared/toolUse';

const MAX_BUTTONS = 10;

/** The buttons (1 to 10, IDs and titles unique) and the optional footer. */
async function addButtonsAndFooter(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = this.getNodeParameter('buttons.button', []) as IDataObject[];
	if (entries.length < 1 || entries.length > MAX_BUTTONS) {
		throw invalidField(this, 'Buttons', `must have from 1 to ${MAX_BUTTONS} buttons`, `${entries.length} buttons`);
	}
	const seen = { id: new Set<unknown>(), title: new Set<unknown>() };
	const buttons = entries.map((entry, index) => {
		const button: IDataObject = {};
		for (const [key, name, maxLength] of [['id', 'ID', 200], ['title', 'Title', 20]] as const) {
			const field = `Button ${index + 1} ${name}`;
			const value = checkField(this, { field, type: 'text', required: true, maxLength }, entry[key]);
			if (seen[key].has(value)) throw invalidField(this, field, 'must differ from those of the other buttons', value);
			seen[key].add(value);
			button[key] = value as string;
		}
		return button;
	});
	const body = requestOptions.body as IDataObject;
	body.buttons = buttons as IDataObject[];
	const footer = checkField(this, { field: 'Footer', type: 'text', maxLength: 60 }, this.getNodeParameter('footer', ''));
	if (footer !== undefined) body.footer = { text: footer };
	return requestOptions;
}

export const option: INodePropertyOptions = {
	name: 'Send Buttons',
	value: 'sendInteractive',
	action: 'Send a WhatsApp message with buttons',
	description: 'Send an interactive message with up to 10 reply buttons to a WhatsApp number',
	routing: {
		request: { method: 'POST', url: INTERACTIVE_URL },
		send: {
			preSend: [validateRequest({ ...recipientRule, ...interactiveBodyRule }), addHeader, addButtonsAndFooter],
		},
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	recipientField,
	interactiveBodyField,
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		required: true,
		default: {},
		description: '1 to 10 reply buttons; IDs and titles must be unique',
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						required: true,
						default: '',
						description: 'Comes back in the webhook when the customer taps the button; at most 200 characters',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						required: true,
						default: '',
						description: 'The text on the button; at most 20 characters',
					},
				],
			},
		],
	},
	...headerFields(['text', 'image', 'video', 'document']),
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
		description: 'Optional text below the body, at most 60 characters',
	},
];

export const tool: ToolUse = {
	description:
		"Send a WhatsApp message with the reply buttons set in this tool to a phone number, e.g. to let the customer choose between options; the customer's tap comes back to the workflow's WhatsApp trigger, not to this tool. Returns Desk360's answer for the sent message.",
	arguments: { to: phoneNumberArgument, body: BODY_ARGUMENT },
};
