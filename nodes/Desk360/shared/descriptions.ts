import type { INodeProperties } from 'n8n-workflow';

import { validateRequest } from '../../shared/validation';
import type { ToolArgument } from '../../shared/toolUse';

/** Product as a resource locator: picked from the account's products, or typed as an ID. */
export const productLocator: INodeProperties = {
	displayName: 'Product',
	name: 'product',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Desk360 product (application) the tickets belong to',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchProducts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 12',
			validation: [
				{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A product ID is a number' } },
			],
		},
	],
};

export const ticketLocator: INodeProperties = {
	displayName: 'Ticket',
	name: 'ticketId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The ticket, searched by ID, customer email or subject within the product',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTickets', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1024',
			validation: [
				{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A ticket ID is a number' } },
			],
		},
	],
};

/**
 * An agent as a resource locator; `name` is the parameter name in its
 * collection. With `unassigned`, the list also offers "Unassigned" (agent 0,
 * Desk360's value for tickets nobody is assigned to), for filters.
 */
export function agentLocator(name: string, displayName: string, { unassigned = false } = {}): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: unassigned ? 'searchAgentsOrUnassigned' : 'searchAgents', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: unassigned ? 'e.g. 7, or 0 for unassigned' : 'e.g. 7',
				validation: [
					{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'An agent ID is a number' } },
				],
			},
		],
	};
}

export const priorityOptions = [
	{ name: 'Low', value: 0 },
	{ name: 'Medium', value: 1 },
	{ name: 'High', value: 2 },
	{ name: 'Urgent', value: 3 },
];

/** The two statuses Desk360 lets the API set. */
export const statusOptions = [
	{ name: 'Resolved', value: 1 },
	{ name: 'Waiting', value: 2 },
];

/** The product a ticket type or reason belongs to, sent as product_id. */
export const productIdField: INodeProperties = {
	...productLocator,
	routing: { send: { type: 'body', property: 'product_id' } },
};

export const titleField: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	description: 'The name shown for it in Desk360, e.g. Billing',
	type: 'string',
	required: true,
	default: '',
	routing: { send: { type: 'body', property: 'title' } },
};

/** Creating a ticket type or a reason needs both. */
export const requireProductAndTitle = validateRequest({
	product_id: { field: 'Product', type: 'id', required: true },
	title: { field: 'Title', type: 'text', required: true },
});

/** The WhatsApp number the model sends to, in every WhatsApp tool. */
export const phoneNumberArgument: ToolArgument = {
	key: 'phone_number',
	description: 'The WhatsApp number to send to: + and the country code, then the number, digits only, e.g. +905551234567',
	type: 'string',
};

/** The name of a reason or ticket type the model creates. */
export const titleArgument: ToolArgument = {
	key: 'title',
	description: 'The name shown for it in Desk360, e.g. Billing',
	type: 'string',
};

/** The statuses a tool may set, as the model reads them. */
export const STATUS_VALUES = '1 = Resolved (the matter is settled), 2 = Waiting (open, waiting for an answer)';
