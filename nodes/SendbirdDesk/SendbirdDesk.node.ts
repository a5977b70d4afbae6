import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { createDoor } from '../shared/door';
import { resourceOperationSubtitle } from '../shared/subtitle';
import { searchAgents, searchCustomers, searchGroups, searchTickets } from './methods/listSearch';
import { agentResource } from './resources/agent';
import { customerResource } from './resources/customer';
import { groupResource } from './resources/group';
import { ticketResource } from './resources/ticket';
import { ticketNoteResource } from './resources/ticketNote';
import { SENDBIRD_DESK_PATH_IDS } from './shared/pathIds';
import { sendbirdDeskService } from './shared/service';

const resourceOptions: INodePropertyOptions[] = [
	{ name: 'Agent', value: 'agent' },
	{ name: 'Customer', value: 'customer' },
	{ name: 'Group', value: 'group' },
	{ name: 'Ticket', value: 'ticket' },
	{ name: 'Ticket Note', value: 'ticketNote' },
];

const resources = [ticketNoteResource, ticketResource, customerResource, agentResource, groupResource];

/** Every request goes through the door: input checks, URL IDs, rate gate, retries, pages, Sendbird's errors. */
export const sendbirdDeskDoor = createDoor(sendbirdDeskService, resources, SENDBIRD_DESK_PATH_IDS);

const properties: INodeProperties[] = [
	sendbirdDeskDoor.property,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resourceOptions,
		default: 'ticketNote',
	},
	...resources.flatMap((resource) => resource.properties),
];

export class SendbirdDesk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sendbird Desk',
		name: 'sendbirdDesk',
		icon: { light: 'file:../../icons/sendbirdDesk.svg', dark: 'file:../../icons/sendbirdDesk.dark.svg' },
		group: ['transform'],
		version: 1,
		// "Get Many: Ticket", not "getAll: ticket".
		subtitle: resourceOperationSubtitle(properties),
		description: 'Work with Sendbird Desk ticket notes, tickets, customers, agents and groups',
		defaults: { name: 'Sendbird Desk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sendbirdDeskApi', required: true }],
		// The door sets the base URL (sendbirdDeskBaseUrl) on every request.
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json; charset=utf8' },
			json: true,
		},
		requestOperations: sendbirdDeskDoor.requestOperations,
		properties,
	};

	methods = {
		listSearch: { searchTickets, searchCustomers, searchAgents, searchGroups },
	};
}
