import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listParameter } from '../../../shared/inputChecks';
import { validateRequest } from '../../../shared/validation';
import { productLocator } from '../../shared/descriptions';
import { READ_URL } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Mark as Read',
	value: 'markAsRead',
	action: 'Mark WhatsApp messages as read',
	description: 'Mark received WhatsApp messages as read (blue ticks)',
	routing: {
		request: { method: 'POST', url: READ_URL },
		send: {
			preSend: [validateRequest({ message_ids: { field: 'Message IDs', type: 'text', list: true, required: true } })],
		},
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	listParameter({
		displayName: 'Message IDs',
		name: 'messageIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgM...',
		description: 'IDs of received messages (the ID in the webhook), separated by commas',
		routing: { send: { type: 'body', property: 'message_ids' } },
	}),
];

export const tool: ToolUse = {
	description:
		"Mark received WhatsApp messages as read: the customer sees blue ticks. The message IDs come from the workflow's WhatsApp trigger (the id of a received message). Returns Desk360's answer.",
	arguments: {
		messageIds: {
			key: 'message_ids',
			description: 'The ids of the received messages (such as wamid.HBgM...), separated by commas',
			type: 'string',
		},
	},
};
