import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { checkField, invalidField, validateRequest, type FieldRule } from '../../../shared/validation';
import { productLocator } from '../../shared/descriptions';
import { sendFiles, type FileField } from '../../shared/multipart';
import { listParameter } from '../../../shared/inputChecks';

const templateField: INodeProperties = {
	displayName: 'Template Name or ID',
	name: 'templateId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWhatsAppTemplates', loadOptionsDependsOn: ['product.value'] },
	required: true,
	default: '',
	description:
		'The approved WhatsApp template to send. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const languageField: INodeProperties = {
	displayName: 'Language Name or ID',
	name: 'languageCode',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWhatsAppTemplateLanguages', loadOptionsDependsOn: ['templateId'] },
	required: true,
	default: '',
	description:
		'One of the languages of the template; its code (such as en) is the ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	routing: { send: { type: 'body', property: 'language_code' } },
};

const templateParametersField: INodeProperties = {
	displayName: 'Template Parameters',
	name: 'templateParameters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Parameter',
	default: {},
	description: 'Values for the placeholders of the template, by the keys the template lists',
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{
					displayName: 'Key Name or ID',
					name: 'key',
					type: 'options',
					typeOptions: {
						loadOptionsMethod: 'getWhatsAppTemplateParameters',
						loadOptionsDependsOn: ['templateId', 'languageCode'],
					},
					default: '',
					description:
						'A parameter key of the template, such as body-1; the key is the ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Value',
					name: 'value',
					description: 'The value that replaces the placeholder of this key in the template',
					type: 'string',
					default: '',
				},
			],
		},
	],
};

/** The template parameters as the object Desk360 expects: { key: value }. */
async function templateParameters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = this.getNodeParameter('templateParameters.parameter', []) as IDataObject[];
	const parameters: IDataObject = {};
	entries.forEach((entry, index) => {
		const keyField = `Template Parameters (entry ${index + 1}) Key`;
		const key = String(checkField(this, { field: keyField, type: 'text', required: true }, entry.key)).trim();
		if (key in parameters) throw invalidField(this, 'Template Parameters', 'must not list a key twice', key);
		const value = checkField(this, { field: `Template Parameter "${key}"`, type: 'text', required: true }, entry.value);
		parameters[key] = String(value);
	});
	if (entries.length > 0) (requestOptions.body as IDataObject).parameters = parameters;
	return requestOptions;
}

/** The optional file of a template message (its header image, video or document). */
const attachmentFile: FileField = {
	parameter: 'additionalFields.attachment',
	field: 'Attachment',
	part: 'attachment',
	maxFiles: 1,
};

const attachmentField: INodeProperties = listParameter({
	displayName: 'Attachment',
	name: 'attachment',
	type: 'string',
	default: '',
	placeholder: 'e.g. data',
	description:
		'Name of the binary field of the input item to send with the template, such as the image of its header. With an attachment the request is sent as multipart form data.',
});

/**
 * The routing of a template send (single or bulk): the recipients' and the
 * language's checks, the parameters, then the files, which make it multipart.
 */
export function templateSendRouting(
	path: string,
	recipientRules: Record<string, FieldRule>,
	files: FileField[] = [],
	checks: PreSendAction[] = [],
): INodePropertyOptions['routing'] {
	return {
		request: { method: 'POST', url: `/v1/products/:productId/conversations/templates/:templateId/${path}` },
		send: {
			preSend: [
				validateRequest({ ...recipientRules, language_code: { field: 'Language', type: 'text', required: true } }),
				...checks,
				templateParameters,
				sendFiles(attachmentFile, ...files),
			],
		},
	};
}

/** The fields of a template send around its recipients' field. */
export function templateSendFields(recipients: INodeProperties, additionalFields: INodeProperties[] = []): INodeProperties[] {
	return [
		productLocator,
		templateField,
		languageField,
		recipients,
		templateParametersField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [attachmentField, ...additionalFields],
		},
	];
}
