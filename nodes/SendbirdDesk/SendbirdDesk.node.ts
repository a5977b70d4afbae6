import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { routeEveryRequest } from '../shared/requestHook';
import { agentDescription } from './resources/agent';
import { customerDescription } from './resources/customer';
import { groupDescription } from './resources/group';
import { ticketDescription } from './resources/ticket';
import { ticketNoteDescription } from './resources/ticketNote';
import { BASE_URL_EXPRESSION } from './shared/baseUrl';
import { sendbirdDeskRequest } from './shared/transport';

const sendbirdDeskTransport = routeEveryRequest(sendbirdDeskRequest);

export class SendbirdDesk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sendbird Desk',
		name: 'sendbirdDesk',
		icon: { light: 'file:../../icons/sendbirdDesk.svg', dark: 'file:../../icons/sendbirdDesk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Work with Sendbird Desk ticket notes, tickets, customers, agents and groups',
		defaults: { name: 'Sendbird Desk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sendbirdDeskApi', required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json; charset=utf8' },
			json: true,
		},
		// Every request goes through sendbirdDeskRequest: rate-limit gate, 429 retry,
		// pages by `next` and Sendbird's error messages.
		requestOperations: sendbirdDeskTransport.requestOperations,
		properties: [
			sendbirdDeskTransport.property,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Group', value: 'group' },
					{ name: 'Ticket', value: 'ticket' },
					{ name: 'Ticket Note', value: 'ticketNote' },
				],
				default: 'ticketNote',
			},
			...ticketNoteDescription,
			...ticketDescription,
			...customerDescription,
			...agentDescription,
			...groupDescription,
		],
	};
}
