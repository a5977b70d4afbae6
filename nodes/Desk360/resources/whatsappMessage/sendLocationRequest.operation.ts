import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
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

export const option: INodePropertyOptions = {
	name: 'Send Location Request',
	value: 'sendLocationRequest',
	action: 'Ask for the location over WhatsApp',
	description: 'Send a message with a button that asks the customer to share their location',
	routing: {
		request: { method: 'POST', url: INTERACTIVE_URL, body: { type: 'location_request_message' } },
		send: { preSend: [validateRequest({ ...recipientRule, ...interactiveBodyRule }), addHeader] },
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	recipientField,
	interactiveBodyField,
	...headerFields(['text', 'image']),
];

export const tool: ToolUse = {
	description:
		"Send a WhatsApp message with a button that asks the customer to share their location, e.g. for a delivery; the shared location comes back to the workflow's WhatsApp trigger, not to this tool. Returns Desk360's answer for the sent message.",
	arguments: { to: phoneNumberArgument, body: BODY_ARGUMENT },
};
