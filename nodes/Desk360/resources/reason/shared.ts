import type { INodeProperties } from 'n8n-workflow';

export const reasonSelector: INodeProperties = {
	displayName: 'Reason Name or ID',
	name: 'reasonId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getReasons' },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const reasonActiveField: INodeProperties = {
	displayName: 'Active',
	name: 'isActive',
	type: 'boolean',
	default: true,
	description: 'Whether the reason can be chosen for tickets',
	routing: { send: { type: 'body', property: 'is_active' } },
};
