import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { checkField, isBlank, type FieldRule } from '../../../shared/validation';
import type { ToolArgument } from '../../../shared/toolUse';

export const MESSAGES_URL = '/v1/products/:productId/conversations/messages';
export const INTERACTIVE_URL = `${MESSAGES_URL}/interactive`;
/** Also called by the Desk360 WhatsApp Trigger's API actions. */
export const MEDIA_URL = `${MESSAGES_URL}/media/:mediaId`;
export const READ_URL = `${MESSAGES_URL}/read`;

/** The rule of the recipient, for validateRequest. */
export const recipientRule: Record<string, FieldRule> = {
	to: { field: 'To', type: 'phone', required: true },
};

export const recipientField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +905551234567',
	description: 'WhatsApp number of the recipient: + and the country code, then the number',
	routing: { send: { type: 'body', property: 'to' } },
};

/** The body text of an interactive message (at most 1024 characters). */
export const interactiveBodyField: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description: 'The message text, at most 1024 characters',
	routing: { send: { type: 'body', property: 'body' } },
};

/** The body text of an interactive message, as the model writes it. */
export const BODY_ARGUMENT: ToolArgument = {
	key: 'body',
	description: 'The message text shown above the buttons, at most 1024 characters',
	type: 'string',
};

export const interactiveBodyRule: Record<string, FieldRule> = {
	body: { field: 'Body', type: 'text', required: true, maxLength: 1024 },
};

type HeaderType = 'text' | 'image' | 'video' | 'document';

const HEADER_NAMES: Record<HeaderType, string> = {
	text: 'Text',
	image: 'Image',
	video: 'Video',
	document: 'Document',
};

const MEDIA_HEADERS: HeaderType[] = ['image', 'video', 'document'];

/** The optional header of an interactive message: a text, or a link to an image, video or document. */
export function headerFields(types: HeaderType[]): INodeProperties[] {
	const media = types.filter((type) => MEDIA_HEADERS.includes(type));
	const fields: INodeProperties[] = [
		{
			displayName: 'Header',
			name: 'headerType',
			type: 'options',
			options: [
				{ name: 'None', value: 'none' },
				...types.map((type) => ({ name: HEADER_NAMES[type], value: type })),
			],
			default: 'none',
			description: 'What the message shows above its body',
		},
		{
			displayName: 'Header Text',
			name: 'headerText',
			type: 'string',
			required: true,
			default: '',
			description: 'At most 60 characters',
			displayOptions: { show: { headerType: ['text'] } },
		},
		{
			displayName: 'Header Link',
			name: 'headerLink',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/picture.jpg',
			description: 'Public address of the file WhatsApp shows in the header',
			displayOptions: { show: { headerType: media } },
		},
	];
	if (types.includes('document')) {
		fields.push({
			displayName: 'Header Document File Name',
			name: 'headerFileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. invoice.pdf',
			description: 'The file name WhatsApp shows for the document',
			displayOptions: { show: { headerType: ['document'] } },
		});
	}
	return fields;
}

/** A preSend step that adds the header the fields above describe. */
export async function addHeader(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const type = this.getNodeParameter('headerType', 'none') as HeaderType | 'none';
	if (type === 'none') return requestOptions;
	const body = requestOptions.body as IDataObject;
	if (type === 'text') {
		const text = checkField(
			this,
			{ field: 'Header Text', type: 'text', required: true, maxLength: 60 },
			this.getNodeParameter('headerText', ''),
		);
		body.header = { type, text: text as string };
		return requestOptions;
	}
	const link = this.getNodeParameter('headerLink', '');
	const media: IDataObject = { link: checkField(this, { field: 'Header Link', type: 'url', required: true }, link) as string };
	if (type === 'document') {
		const filename = this.getNodeParameter('headerFileName', '') as string;
		if (!isBlank(filename)) media.filename = filename.trim();
	}
	body.header = { type, [type]: media };
	return requestOptions;
}
