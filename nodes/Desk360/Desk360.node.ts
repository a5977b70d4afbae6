import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	getReasons,
	getTicketTypes,
	getWhatsAppTemplateLanguages,
	getWhatsAppTemplateParameters,
	getWhatsAppTemplates,
} from './methods/loadOptions';
import { searchAgents, searchAgentsOrUnassigned, searchProducts, searchTickets } from './methods/listSearch';
import { agentResource } from './resources/agent';
import { productResource } from './resources/product';
import { reasonResource } from './resources/reason';
import { ticketResource } from './resources/ticket';
import { ticketTypeResource } from './resources/ticketType';
import { whatsappMessageResource } from './resources/whatsappMessage';
import { whatsappTemplateResource } from './resources/whatsappTemplate';
import { createDoor } from '../shared/door';
import { resourceOperationSubtitle } from '../shared/subtitle';
import { DESK360_PATH_IDS } from './shared/pathIds';
import { desk360Service } from './shared/service';

const resourceOptions: INodePropertyOptions[] = [
	{ name: 'Agent', value: 'agent' },
	{ name: 'Product', value: 'product' },
	{ name: 'Reason', value: 'reason' },
	{ name: 'Ticket', value: 'ticket' },
	{ name: 'Ticket Type', value: 'ticketType' },
	{ name: 'WhatsApp Message', value: 'whatsappMessage' },
	{ name: 'WhatsApp Template', value: 'whatsappTemplate' },
];

const resources = [
	productResource,
	ticketResource,
	agentResource,
	ticketTypeResource,
	reasonResource,
	whatsappTemplateResource,
	whatsappMessageResource,
];

/** Every request goes through the door: input checks, URL IDs, rate gate, retries, pages, Desk360's errors. */
export const desk360Door = createDoor(desk360Service, resources, DESK360_PATH_IDS);

const properties: INodeProperties[] = [
	desk360Door.property,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resourceOptions,
		default: 'ticket',
	},
	...resources.flatMap((resource) => resource.properties),
];

export class Desk360 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Desk360',
		name: 'desk360',
		icon: { light: 'file:../../icons/desk360.svg', dark: 'file:../../icons/desk360.dark.svg' },
		group: ['transform'],
		version: 1,
		// "Get Many: Ticket", not "getAll: ticket".
		subtitle: resourceOperationSubtitle(properties),
		description: 'Work with Desk360 tickets, products, agents, ticket types, reasons, and WhatsApp templates and messages',
		defaults: { name: 'Desk360' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'desk360Api', required: true }],
		// The door sets the base URL (desk360BaseUrl) on every request.
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		requestOperations: desk360Door.requestOperations,
		properties,
	};

	methods = {
		listSearch: { searchProducts, searchTickets, searchAgents, searchAgentsOrUnassigned },
		loadOptions: {
			getReasons,
			getTicketTypes,
			getWhatsAppTemplates,
			getWhatsAppTemplateLanguages,
			getWhatsAppTemplateParameters,
		},
	};
}
