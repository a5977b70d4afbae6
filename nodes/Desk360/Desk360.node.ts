import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import {
	getReasons,
	getTicketTypes,
	getWhatsAppTemplateLanguages,
	getWhatsAppTemplateParameters,
	getWhatsAppTemplates,
} from './methods/loadOptions';
import { searchAgents, searchProducts, searchTickets } from './methods/listSearch';
import { agentDescription } from './resources/agent';
import { productDescription } from './resources/product';
import { reasonDescription } from './resources/reason';
import { ticketDescription } from './resources/ticket';
import { ticketTypeDescription } from './resources/ticketType';
import { whatsappMessageDescription } from './resources/whatsappMessage';
import { whatsappTemplateDescription } from './resources/whatsappTemplate';
import { routeEveryRequest } from '../shared/requestHook';
import { fillPathIds } from './shared/pathIds';
import { desk360Request } from './shared/transport';

const desk360Transport = routeEveryRequest(desk360Request, [fillPathIds]);

export class Desk360 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Desk360',
		name: 'desk360',
		icon: { light: 'file:../../icons/desk360.svg', dark: 'file:../../icons/desk360.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Work with Desk360 tickets, products, agents, ticket types, reasons, and WhatsApp templates and messages',
		defaults: { name: 'Desk360' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'desk360Api', required: true }],
		requestDefaults: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
		},
		// Every request goes through desk360Request: rate-limit gate, 429 retry,
		// Link-header pages and Desk360's error messages; fillPathIds fills URL IDs.
		requestOperations: desk360Transport.requestOperations,
		properties: [
			desk360Transport.property,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Product', value: 'product' },
					{ name: 'Reason', value: 'reason' },
					{ name: 'Ticket', value: 'ticket' },
					{ name: 'Ticket Type', value: 'ticketType' },
					{ name: 'WhatsApp Message', value: 'whatsappMessage' },
					{ name: 'WhatsApp Template', value: 'whatsappTemplate' },
				],
				default: 'ticket',
			},
			...productDescription,
			...ticketDescription,
			...agentDescription,
			...ticketTypeDescription,
			...reasonDescription,
			...whatsappTemplateDescription,
			...whatsappMessageDescription,
		],
	};

	methods = {
		listSearch: { searchProducts, searchTickets, searchAgents },
		loadOptions: {
			getReasons,
			getTicketTypes,
			getWhatsAppTemplates,
			getWhatsAppTemplateLanguages,
			getWhatsAppTemplateParameters,
		},
	};
}
