import type { INodeProperties } from 'n8n-workflow';

import { productLocator } from '../Desk360/shared/descriptions';
import {
	agentFilter,
	platformFilter,
	priorityFilter,
	reasonFilter,
	statusFilter,
	ticketTypeFilter,
} from '../Desk360/shared/ticketFilters';

/** The ticket list filters the trigger offers: the Desk360 node's, with their query parameters. */
export const filterFields: INodeProperties[] = [
	agentFilter,
	platformFilter,
	priorityFilter,
	reasonFilter,
	statusFilter,
	ticketTypeFilter,
];

export type TicketEvent = 'newTicket' | 'updatedTicket';

export const eventsField: INodeProperties = {
	// Not "Events": n8n's nodes panel would list each event as an action of a "Desk360 Ticket" entry,
	// whose Actions section then says it has none (README: Where to find the nodes).
	displayName: 'Ticket Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	default: ['newTicket'],
	description: 'The ticket changes that start the workflow; several can be chosen',
	options: [
		{
			name: 'New Ticket',
			value: 'newTicket',
			description: 'A ticket created since the last poll (with its latest state)',
		},
		{
			name: 'Updated Ticket',
			value: 'updatedTicket',
			description: 'An older ticket that changed since the last poll: a reply, a note, a new status, agent or priority',
		},
	],
};

export const properties: INodeProperties[] = [
	{
		...productLocator,
		description: 'The Desk360 product (application) whose tickets start the workflow',
	},
	eventsField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only tickets that match all of these start the workflow (Desk360 filters the list)',
		options: filterFields,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Desk360 Time Zone',
				name: 'timeZone',
				type: 'string',
				default: '',
				placeholder: 'e.g. Europe/Istanbul',
				description:
					'The time zone Desk360 writes created_at and updated_at in (it does not say), as an IANA name. Used only for created_at_iso and updated_at_iso. Empty: the Desk360 Time Zone of the Desk360 credential (UTC unless set there).',
			},
		],
	},
];
