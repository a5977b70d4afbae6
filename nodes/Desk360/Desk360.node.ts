import { NodeConnectionTypes, type INodeType, type INodePropertyOptions, type INodeTypeDescription } from 'n8n-workflow';

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

export class Desk360 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Desk360',
		name: 'desk360',
		icon: { light: 'file:../../icons/desk360.svg', dark: 'file:../../icons/desk360.dark.svg' },
		group: ['transform'],
		version: 1,
		// "Get Many: Ticket", not "getAll: ticket" (test/shared/subtitle.test.ts keeps it in step with the operations).
		subtitle:
			'={{ ({"agent:getAll":"Get Many: Agent","agent:getCurrent":"Get Current: Agent","product:getAll":"Get Many: Product","reason:create":"Create: Reason","reason:get":"Get: Reason","reason:getAll":"Get Many: Reason","reason:update":"Update: Reason","ticket:addNote":"Add Note: Ticket","ticket:create":"Create: Ticket","ticket:get":"Get: Ticket","ticket:getAll":"Get Many: Ticket","ticket:getLogs":"Get Logs: Ticket","ticket:reply":"Reply: Ticket","ticket:updateStatus":"Update Status: Ticket","ticketType:create":"Create: Ticket Type","ticketType:get":"Get: Ticket Type","ticketType:getAll":"Get Many: Ticket Type","ticketType:update":"Update: Ticket Type","whatsappMessage:getMedia":"Download Media: WhatsApp Message","whatsappMessage:markAsRead":"Mark as Read: WhatsApp Message","whatsappMessage:sendContacts":"Send Contacts: WhatsApp Message","whatsappMessage:sendInteractive":"Send Buttons: WhatsApp Message","whatsappMessage:sendLocation":"Send Location: WhatsApp Message","whatsappMessage:sendLocationRequest":"Send Location Request: WhatsApp Message","whatsappMessage:sendMedia":"Send Media: WhatsApp Message","whatsappMessage:sendText":"Send Text: WhatsApp Message","whatsappTemplate:getAll":"Get Many: WhatsApp Template","whatsappTemplate:send":"Send: WhatsApp Template","whatsappTemplate:sendBulk":"Send Bulk: WhatsApp Template"})[$parameter["resource"] + ":" + $parameter["operation"]] }}',
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
		properties: [
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
		],
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
