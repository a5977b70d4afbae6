import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { checkField, invalidField, validateRequest, type FieldRule } from '../../../shared/validation';
import { phoneNumberArgument, productLocator } from '../../shared/descriptions';
import { MESSAGES_URL, recipientField, recipientRule } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

/** A list of a contact's phones, emails, addresses or URLs: one entry per value, each with a type. */
function contactList(
	displayName: string,
	name: string,
	entry: string,
	values: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${entry}`,
		default: {},
		options: [
			{
				displayName: entry,
				name: 'values',
				values: [
					...values,
					textField('Type', 'type', {
						placeholder: 'e.g. WORK',
						description: 'Such as HOME or WORK (for phones also CELL, MAIN or IPHONE)',
					}),
				],
			},
		],
	};
}

function textField(displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...extra };
}

const contactValues: INodeProperties[] = [
	textField('Formatted Name', 'formattedName', { description: 'Full name as shown on the contact card, e.g. John Smith', required: true, placeholder: 'e.g. John Smith' }),
	textField('First Name', 'firstName', { description: 'First (given) name of the contact', required: true }),
	textField('Last Name', 'lastName', { description: 'Last (family) name of the contact', required: true }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			textField('Birthday', 'birthday', { placeholder: 'YYYY-MM-DD', description: 'As YYYY-MM-DD' }),
			textField('Company', 'company', { description: 'Company the contact works for' }),
			textField('Department', 'department', { description: 'Department of the contact within the company' }),
			textField('Job Title', 'jobTitle', { description: 'Job title of the contact' }),
			textField('Middle Name', 'middleName', { description: 'Middle name of the contact' }),
			textField('Name Prefix', 'prefix', { description: 'Name prefix of the contact, e.g. Dr.', placeholder: 'e.g. Dr.' }),
			textField('Name Suffix', 'suffix', { description: 'Name suffix of the contact, e.g. Jr.', placeholder: 'e.g. Jr.' }),
		],
	},
	contactList('Phones', 'phones', 'Phone', [
		textField('Phone', 'phone', { description: 'Phone number of the contact, with the country code, e.g. +1 650 555 1234', required: true, placeholder: 'e.g. +1 (650) 555-1234' }),
		textField('WhatsApp ID', 'waId', { description: 'WhatsApp ID of that number (digits only, no +); adds a Message button to the card', placeholder: 'e.g. 16505551234' }),
	]),
	contactList('Emails', 'emails', 'Email', [
		textField('Email', 'email', { description: 'Email address of the contact', required: true, placeholder: 'name@email.com' }),
	]),
	contactList('Addresses', 'addresses', 'Address', [
		textField('Street', 'street', { description: 'Street and house number' }),
		textField('City', 'city', { description: 'City of the address' }),
		textField('State', 'state', { description: 'State or province of the address' }),
		textField('ZIP Code', 'zip', { description: 'Postal (ZIP) code of the address' }),
		textField('Country', 'country', { description: 'Country of the address, e.g. United States' }),
		textField('Country Code', 'countryCode', { description: 'Two-letter ISO country code of the address, e.g. us', placeholder: 'e.g. us' }),
	]),
	contactList('URLs', 'urls', 'URL', [textField('URL', 'url', { description: 'Web address of the contact, e.g. https://example.com', required: true, placeholder: 'https://example.com' })]),
];

/** Desk360's field for each node field of a contact part, with its rule. */
type PartFields = Record<string, [apiField: string, displayName: string, rule?: Partial<FieldRule>]>;

const NAME_FIELDS: PartFields = {
	formattedName: ['formatted_name', 'Formatted Name', { required: true }],
	firstName: ['first_name', 'First Name', { required: true }],
	lastName: ['last_name', 'Last Name', { required: true }],
	middleName: ['middle_name', 'Middle Name'],
	prefix: ['prefix', 'Name Prefix'],
	suffix: ['suffix', 'Name Suffix'],
};
const ORG_FIELDS: PartFields = {
	company: ['company', 'Company'],
	department: ['department', 'Department'],
	jobTitle: ['title', 'Job Title'],
};
const LIST_FIELDS: Record<string, { label: string; fields: PartFields }> = {
	phones: {
		label: 'Phones',
		fields: { phone: ['phone', 'Phone', { required: true }], waId: ['wa_id', 'WhatsApp ID'], type: ['type', 'Type'] },
	},
	emails: {
		label: 'Emails',
		fields: { email: ['email', 'Email', { type: 'email', required: true }], type: ['type', 'Type'] },
	},
	addresses: {
		label: 'Addresses',
		fields: {
			street: ['street', 'Street'],
			city: ['city', 'City'],
			state: ['state', 'State'],
			zip: ['zip', 'ZIP Code'],
			country: ['country', 'Country'],
			countryCode: ['country_code', 'Country Code'],
			type: ['type', 'Type'],
		},
	},
	urls: {
		label: 'URLs',
		fields: { url: ['url', 'URL', { type: 'url', required: true }], type: ['type', 'Type'] },
	},
};

/** The checked, non-empty fields of one part of a contact, under Desk360's names. */
function part(context: IExecuteSingleFunctions, label: string, values: IDataObject, fields: PartFields): IDataObject {
	const result: IDataObject = {};
	for (const [name, [apiField, displayName, rule]] of Object.entries(fields)) {
		const value = checkField(context, { type: 'text', ...rule, field: `${label} ${displayName}` }, values[name]);
		if (value !== undefined) result[apiField] = value as string;
	}
	return result;
}

function contactOf(context: IExecuteSingleFunctions, values: IDataObject, number: number): IDataObject {
	const label = `Contact ${number}`;
	const extra = (values.additionalFields ?? {}) as IDataObject;
	const contact: IDataObject = { name: part(context, label, { ...values, ...extra }, NAME_FIELDS) };
	const birthday = checkField(context, { field: `${label} Birthday`, type: 'date' }, extra.birthday);
	if (birthday !== undefined) contact.birthday = birthday as string;
	const org = part(context, label, extra, ORG_FIELDS);
	if (Object.keys(org).length > 0) contact.org = org;
	for (const [listName, { label: listLabel, fields }] of Object.entries(LIST_FIELDS)) {
		const entries = ((values[listName] as IDataObject | undefined)?.values ?? []) as IDataObject[];
		const list = entries
			.map((entry, index) => part(context, `${label} ${listLabel} (entry ${index + 1})`, entry, fields))
			.filter((entry) => Object.keys(entry).length > 0);
		if (list.length > 0) contact[listName] = list;
	}
	return contact;
}

async function addContacts(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = this.getNodeParameter('contacts.contact', []) as IDataObject[];
	if (entries.length === 0) throw invalidField(this, 'Contacts', 'must have at least one contact', '0 contacts');
	(requestOptions.body as IDataObject).contacts = entries.map((values, index) => contactOf(this, values, index + 1));
	return requestOptions;
}

export const option: INodePropertyOptions = {
	name: 'Send Contacts',
	value: 'sendContacts',
	action: 'Send WhatsApp contact cards',
	description: 'Send one or more contact cards to a WhatsApp number',
	routing: {
		request: { method: 'POST', url: MESSAGES_URL, body: { type: 'contacts' } },
		send: { preSend: [validateRequest(recipientRule), addContacts] },
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	recipientField,
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Contact',
		required: true,
		default: {},
		options: [{ displayName: 'Contact', name: 'contact', values: contactValues }],
	},
];

export const tool: ToolUse = {
	description:
		"Send the contact cards set in this tool to a WhatsApp number, e.g. a support line the customer can save. Returns Desk360's answer for the sent message.",
	arguments: { to: phoneNumberArgument },
};
