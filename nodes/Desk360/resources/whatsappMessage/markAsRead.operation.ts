import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { toItems } from '../../../shared/pagination';
import { validateRequest } from '../../../shared/validation';
import { productLocator } from '../../shared/descriptions';
import { markWhatsAppMessagesRead } from '../../shared/whatsapp';
import { MESSAGES_URL } from './shared';

/** Sends the checked IDs through the call the Desk360 Trigger uses too. */
async function markAsRead(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const messageIds = (requestData.options.body as IDataObject).message_ids as string[];
	const product = this.getNodeParameter('product', undefined, { extractValue: true }) as string;
	const answer = await markWhatsAppMessagesRead(this, product, messageIds, itemIndex);
	// Desk360 may answer with an empty body: the item still says it worked.
	const empty = typeof answer !== 'object' || answer === null || Object.keys(answer).length === 0;
	return toItems([empty ? { success: true } : answer], itemIndex);
}

export const option: INodePropertyOptions = {
	name: 'Mark as Read',
	value: 'markAsRead',
	action: 'Mark WhatsApp messages as read',
	description: 'Mark received WhatsApp messages as read (blue ticks)',
	routing: {
		request: { method: 'POST', url: `${MESSAGES_URL}/read` },
		send: {
			preSend: [validateRequest({ message_ids: { field: 'Message IDs', type: 'text', list: true, required: true } })],
		},
		operations: { pagination: markAsRead },
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	{
		displayName: 'Message IDs',
		name: 'messageIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgM...',
		description: 'IDs of received messages (the ID in the webhook), separated by commas',
		routing: { send: { type: 'body', property: 'message_ids' } },
	},
];
