import type { INodeProperties } from 'n8n-workflow';

export const ticketTypeSelector: INodeProperties = {
	displayName: 'Ticket Type Name or ID',
	name: 'ticketTypeId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTicketTypes' },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const activeField: INodeProperties = {
	displayName: 'Active',
	name: 'isActive',
	type: 'boolean',
	default: true,
	description: 'Whether the ticket type can be chosen for tickets',
	routing: { send: { type: 'body', property: 'is_active' } },
};
