import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { phoneNumberArgument, productLocator } from '../../shared/descriptions';
import { sendFiles } from '../../shared/multipart';
import { MESSAGES_URL, recipientField, recipientRule } from './shared';
import { listParameter } from '../../../shared/inputChecks';
import type { ToolUse } from '../../../shared/toolUse';

/** Desk360 takes at most 5 files of at most 20 MB each. */
export const MEDIA_LIMITS = { maxFiles: 5, maxBytes: 20 * 1024 * 1024 };

export const option: INodePropertyOptions = {
	name: 'Send Media',
	value: 'sendMedia',
	action: 'Send WhatsApp media',
	description: 'Send 1 to 5 files (images, videos, documents) from the input item to a WhatsApp number',
	routing: {
		request: { method: 'POST', url: `${MESSAGES_URL}/media` },
		send: {
			preSend: [
				validateRequest(recipientRule),
				sendFiles({
					parameter: 'binaryPropertyNames',
					field: 'Input Binary Fields',
					part: 'attachments[]',
					required: true,
					...MEDIA_LIMITS,
				}),
			],
		},
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	recipientField,
	listParameter({
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data, data_1',
		hint: 'The names of the binary fields of the input item holding the files, separated by commas',
		description: 'At most 5 files of at most 20 MB each',
	}),
];

export const tool: ToolUse = {
	description:
		"Send the files of the workflow's input item (images, videos, documents; 1 to 5 files of at most 20 MB) to a WhatsApp number. An AI agent's tool gets no files from the agent: unless the workflow gives it some, it answers an error, so send a link with the text tool instead. Returns Desk360's answer for the sent message.",
	arguments: { to: phoneNumberArgument },
};
