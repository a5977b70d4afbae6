import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { checkField, invalidField, isBlank } from '../../../shared/validation';
import type { BinaryFile, FileField } from '../../shared/multipart';
import { templateSendFields, templateSendRouting } from './shared';
import { listParameter } from '../../../shared/inputChecks';
import type { ToolUse } from '../../../shared/toolUse';


/** Every number of the CSV file must be international too; a first line without digits is a header. */
function checkPhoneFile(context: IExecuteSingleFunctions, file: BinaryFile): void {
	const lines = file.data.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
	lines.forEach((line, index) => {
		if (index === 0 && !/\d/.test(line)) return;
		for (const cell of line.split(/[,;]/)) {
			const value = cell.trim().replace(/^"(.*)"$/, '$1');
			if (value === '') continue;
			checkField(context, { field: `Phone File (CSV) "${file.property}" line ${index + 1}`, type: 'phone' }, value);
		}
	});
}

const phoneFile: FileField = {
	parameter: 'additionalFields.phoneFile',
	field: 'Phone File (CSV)',
	part: 'bulk_phone_file',
	maxFiles: 1,
	check: checkPhoneFile,
};

async function requireRecipients(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const phones = (requestOptions.body as IDataObject).phones;
	if (phones === undefined && isBlank(this.getNodeParameter(phoneFile.parameter, ''))) {
		throw invalidField(this, 'Phone Numbers', 'is empty and no Phone File (CSV) is set: give at least one of them');
	}
	return requestOptions;
}

export const option: INodePropertyOptions = {
	name: 'Send Bulk',
	value: 'sendBulk',
	action: 'Send a WhatsApp template to many numbers',
	description: 'Send an approved template message to a list of WhatsApp numbers or the numbers of a CSV file',
	routing: templateSendRouting(
		'send/bulk',
		{ phones: { field: 'Phone Numbers', type: 'phone', list: true } },
		[phoneFile],
		[requireRecipients],
	),
};

export const fields: INodeProperties[] = templateSendFields(
	listParameter({
		displayName: 'Phone Numbers',
		name: 'phones',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. +905551234567, +14155550123',
		description:
			'WhatsApp numbers to send to, separated by commas or new lines, each with + and the country code. May stay empty when a Phone File (CSV) is set.',
		routing: { send: { type: 'body', property: 'phones' } },
	}),
	[
		listParameter({
			displayName: 'Phone File (CSV)',
			name: 'phoneFile',
			type: 'string',
			default: '',
			placeholder: 'e.g. data',
			description:
				'Name of the binary field of the input item holding a CSV file of WhatsApp numbers (each with + and the country code), sent as bulk_phone_file',
		}),
	],
);

export const tool: ToolUse = {
	description:
		"Send the approved WhatsApp template set in this tool (with its language and parameters) to many phone numbers at once. Returns Desk360's answer for the bulk send.",
	arguments: {
		phones: {
			key: 'phone_numbers',
			description:
				'The WhatsApp numbers to send to, separated by commas, each with + and the country code, e.g. +905551234567, +14155550123',
			type: 'string',
		},
	},
};
