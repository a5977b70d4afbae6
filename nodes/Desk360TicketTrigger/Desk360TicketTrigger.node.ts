import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { getReasons, getTicketTypes } from '../Desk360/methods/loadOptions';
import { searchAgentsOrUnassigned, searchProducts } from '../Desk360/methods/listSearch';
import { chosenOptionsSubtitle } from '../shared/subtitle';
import { invalidField } from '../shared/validation';
import { eventsField, properties, type TicketEvent } from './description';
import { desk360TimeZone } from './items';
import { pollChanges, sampleTickets } from './poll';
import { ticketListRequest } from './request';

const EVENTS: TicketEvent[] = ['newTicket', 'updatedTicket'];

function chosenEvents(context: IPollFunctions): TicketEvent[] {
	const events = context.getNodeParameter('events', []) as unknown;
	const list = Array.isArray(events) ? events : [events];
	const unknown = list.filter((event) => !EVENTS.includes(event as TicketEvent));
	if (list.length === 0 || unknown.length > 0) {
		throw invalidField(context, 'Ticket Events', `must list one or more of ${EVENTS.join(', ')}`, events);
	}
	return list as TicketEvent[];
}

export class Desk360TicketTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Desk360 Ticket Trigger',
		name: 'desk360TicketTrigger',
		icon: { light: 'file:../../icons/desk360.svg', dark: 'file:../../icons/desk360.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: chosenOptionsSubtitle(eventsField),
		description: 'Starts the workflow when a Desk360 ticket is created or updated (polls Desk360’s ticket list)',
		defaults: { name: 'Desk360 Ticket Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'desk360Api', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchProducts, searchAgentsOrUnassigned },
		loadOptions: { getReasons, getTicketTypes },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = { request: ticketListRequest(this), events: chosenEvents(this), timeZone: await desk360TimeZone(this) };
		return this.getMode() === 'manual' ? await sampleTickets(this, settings) : await pollChanges(this, settings);
	}
}
