import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { productLocator } from '../../shared/descriptions';
import {
	addHeader,
	headerFields,
	INTERACTIVE_URL,
	interactiveBodyField,
	interactiveBodyRule,
	recipientField,
	recipientRule,
} from './shared';

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
