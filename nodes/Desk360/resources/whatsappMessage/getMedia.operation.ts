import type {
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { checkField } from '../../../shared/validation';
import { productLocator } from '../../shared/descriptions';
import { downloadWhatsAppMedia } from '../../shared/whatsapp';
import { MESSAGES_URL } from './shared';

/**
 * Downloads the file through the call the Desk360 Trigger uses too, and puts it
 * on the input item as a binary field, keeping the item's other data.
 */
async function downloadMedia(this: IExecutePaginationFunctions): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const mediaId = String(
		checkField(this, { field: 'Media ID', type: 'text', required: true }, this.getNodeParameter('mediaId', '')),
	).trim();
	const property = String(
		checkField(
			this,
			{ field: 'Put Output File in Field', type: 'text', required: true },
			this.getNodeParameter('binaryPropertyName', 'data'),
		),
	).trim();
	const product = this.getNodeParameter('product', undefined, { extractValue: true }) as string;
	const media = await downloadWhatsAppMedia(this, product, mediaId, itemIndex);
	const binary = await this.helpers.prepareBinaryData(media.data, media.fileName, media.mimeType);
	// Without a file name from Desk360, name the file after the media ID.
	binary.fileName ??= [mediaId.replace(/[^\w.-]+/g, '_'), binary.fileExtension].filter(Boolean).join('.');
	const input = this.getInputData();
	return [
		{
			json: input.json,
			binary: { ...input.binary, [property]: binary },
			pairedItem: { item: itemIndex },
		},
	];
}

export const option: INodePropertyOptions = {
	name: 'Download Media',
	value: 'getMedia',
	action: 'Download WhatsApp media',
	description: 'Download the file of a received WhatsApp media message into a binary field',
	routing: {
		// The hook sends GET .../messages/media/:mediaId itself.
		request: { method: 'GET', url: `${MESSAGES_URL}/media/:mediaId` },
		operations: { pagination: downloadMedia },
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		description: 'The media_id of a received image, video, audio or document message',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
];
