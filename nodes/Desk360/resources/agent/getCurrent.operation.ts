import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export const option: INodePropertyOptions = {
	name: 'Get Current',
	value: 'getCurrent',
	action: 'Get the current agent',
	description: 'Get the agent whose token the credential uses',
	routing: { request: { method: 'GET', url: '/v1/me' } },
};

export const fields: INodeProperties[] = [];
