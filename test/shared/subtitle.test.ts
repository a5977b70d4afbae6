import type { INodeParameters, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { Desk360 } from '../../nodes/Desk360/Desk360.node';
import { Desk360TicketTrigger } from '../../nodes/Desk360TicketTrigger/Desk360TicketTrigger.node';
import { Desk360Trigger } from '../../nodes/Desk360Trigger/Desk360Trigger.node';
import { SendbirdDesk } from '../../nodes/SendbirdDesk/SendbirdDesk.node';
import { SendbirdDeskTrigger } from '../../nodes/SendbirdDeskTrigger/SendbirdDeskTrigger.node';
import { buildWorkflow } from '../helpers/n8n';

/** The subtitle as n8n's editor shows it: the node's expression evaluated by n8n-workflow with the node's parameters. */
function subtitleOf(nodeType: INodeType, parameters: INodeParameters, typeVersion = 1): unknown {
	const { workflow, node } = buildWorkflow({ nodeType, credentialTypes: {} }, parameters, { typeVersion });
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle!, 'internal', {});
}

function optionsOf(nodeType: INodeType, name: string, resource?: string): INodePropertyOptions[] {
	const field = nodeType.description.properties.find(
		(property) => property.name === name && (resource === undefined || property.displayOptions?.show?.resource?.includes(resource)),
	)!;
	return field.options as INodePropertyOptions[];
}

/** Every resource and operation of a node, with the names the editor shows for them. */
function operationsOf(nodeType: INodeType) {
	return optionsOf(nodeType, 'resource').flatMap((resource) =>
		optionsOf(nodeType, 'operation', String(resource.value)).map((operation) => ({
			parameters: { resource: resource.value, operation: operation.value },
			subtitle: `${operation.name}: ${resource.name}`,
		})),
	);
}

/** Every choice of one or more events, in the options' order and reversed, with the names the editor shows. */
function eventChoicesOf(nodeType: INodeType) {
	const events = optionsOf(nodeType, 'events');
	const choices = Array.from({ length: 2 ** events.length - 1 }, (_, mask) =>
		events.filter((_event, index) => ((mask + 1) >> index) & 1),
	);
	return [...choices, ...choices.filter((choice) => choice.length > 1).map((choice) => [...choice].reverse())].map((choice) => ({
		events: choice.map((event) => event.value),
		subtitle: choice.map((event) => event.name).join(', '),
	}));
}

describe.each([
	['Desk360', new Desk360()],
	['Sendbird Desk', new SendbirdDesk()],
])('%s node subtitle', (_name, nodeType) => {
	it.each(operationsOf(nodeType))('reads "$subtitle" for $parameters.resource / $parameters.operation', ({ parameters, subtitle }) => {
		expect(subtitleOf(nodeType, parameters)).toBe(subtitle);
	});
});

describe('subtitles read as the editor names the options', () => {
	it.each([
		['Desk360', new Desk360(), { resource: 'ticket', operation: 'getAll' }, 'Get Many: Ticket'],
		['Desk360', new Desk360(), { resource: 'whatsappMessage', operation: 'sendInteractive' }, 'Send Buttons: WhatsApp Message'],
		['Desk360', new Desk360(), { resource: 'ticketType', operation: 'update' }, 'Update: Ticket Type'],
		['Sendbird Desk', new SendbirdDesk(), { resource: 'ticketNote', operation: 'delete' }, 'Delete: Ticket Note'],
		['Sendbird Desk', new SendbirdDesk(), { resource: 'ticket', operation: 'updatePriority' }, 'Update Priority: Ticket'],
		['Desk360 Ticket Trigger', new Desk360TicketTrigger(), { events: ['newTicket', 'updatedTicket'] }, 'New Ticket, Updated Ticket'],
		['Desk360 Ticket Trigger', new Desk360TicketTrigger(), {}, 'New Ticket'],
		['Desk360 WhatsApp Trigger', new Desk360Trigger(), { events: ['messageReceived', 'statusUpdate'] }, 'Message Received, Status Update'],
		['Desk360 WhatsApp Trigger', new Desk360Trigger(), {}, 'Message Received'],
	])('%s with %j reads "%s"', (_name, nodeType, parameters, subtitle) => {
		expect(subtitleOf(nodeType, parameters)).toBe(subtitle);
	});
});

describe.each([
	['Desk360 Ticket Trigger', new Desk360TicketTrigger(), 1],
	['Desk360 WhatsApp Trigger version 1', new Desk360Trigger(), 1],
	['Desk360 WhatsApp Trigger version 2', new Desk360Trigger(), 2],
])('%s subtitle', (_name, nodeType, typeVersion) => {
	it.each(eventChoicesOf(nodeType))('reads "$subtitle" for $events', ({ events, subtitle }) => {
		expect(subtitleOf(nodeType, { events }, typeVersion)).toBe(subtitle);
	});
});

describe('Sendbird Desk Trigger subtitle', () => {
	it.each([
		['', 'Every event'],
		['   ', 'Every event'],
		['ticket.created', 'ticket.created'],
		[' TICKET_CLOSED , ticket_assigned\nticket.updated ,,', 'TICKET_CLOSED, ticket_assigned, ticket.updated'],
	])('reads %j as "%s"', (events, subtitle) => {
		expect(subtitleOf(new SendbirdDeskTrigger(), { events })).toBe(subtitle);
	});
});
