import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { templateSendFields, templateSendRouting } from './shared';
import type { ToolUse } from '../../../shared/toolUse';
import { phoneNumberArgument } from '../../shared/descriptions';

export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send a WhatsApp template',
	description: 'Send an approved template message to one WhatsApp number',
	routing: templateSendRouting('send', { phone_number: { field: 'Phone Number', type: 'phone', required: true } }),
};

export const fields: INodeProperties[] = templateSendFields({
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +905551234567',
	description: 'WhatsApp number to send to: + and the country code, then the number',
	routing: { send: { type: 'body', property: 'phone_number' } },
});

export const tool: ToolUse = {
	description:
		"Send the approved WhatsApp template set in this tool (with its language and parameters) to one phone number. Returns Desk360's answer for the sent message.",
	arguments: { phoneNumber: phoneNumberArgument },
};
