import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Answer } from '../../../shared/resource';
import { productLocator } from '../../shared/descriptions';
import { MEDIA_URL } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Download Media',
	value: 'getMedia',
	action: 'Download WhatsApp media',
	description: 'Download the file of a received WhatsApp media message into a binary field',
	routing: { request: { method: 'GET', url: MEDIA_URL } },
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
		description: 'Name of the binary field of the output item that receives the downloaded file, e.g. data',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
];

/** The file goes into the input item as a binary field, named after the media ID when Desk360 names none. */
export const answer: Answer = { kind: 'binary', property: 'binaryPropertyName', fileName: 'mediaId' };

export const tool: ToolUse = {
	description:
		"Download the file of a received WhatsApp image, video, audio or document message by its media id (from the workflow's WhatsApp trigger). n8n gives an AI agent no files: a download that worked Returns the note that the tool attempted to return binary data, which is not supported; one that failed returns the error.",
	arguments: {
		mediaId: {
			key: 'media_id',
			description: 'The media_id of the received media message, as the WhatsApp trigger gave it',
			type: 'string',
		},
	},
};
