import type { ToolArgument } from '../../../shared/toolUse';
import { locatorField } from '../../shared/descriptions';

export const ticketIdField = locatorField(
	'ticketId',
	'Ticket',
	'The ticket: search by channel name or customer, or give its ID',
	'searchTickets',
);

/** Ticket statuses (`status2`) as Sendbird's public documentation lists them. */
export const statusOptions = [
	{ name: 'Active', value: 'ACTIVE', description: 'Assigned to an agent, conversation under way' },
	{ name: 'Closed', value: 'CLOSED' },
	{ name: 'Idle', value: 'IDLE', description: 'The customer has not replied for a while after the agent' },
	{ name: 'Initialized', value: 'INITIALIZED', description: 'Started with welcome messages, no customer reply yet' },
	{ name: 'Pending', value: 'PENDING', description: 'Not assigned to an agent yet' },
	{ name: 'Proactive', value: 'PROACTIVE', description: 'Started with proactive messages, no customer reply yet' },
	{ name: 'Work in Progress', value: 'WORK_IN_PROGRESS', description: 'Not closed yet for some reason' },
];

/** Ticket priorities, highest first (Sendbird's public documentation). */
export const priorityOptions = [
	{ name: 'Urgent', value: 'URGENT' },
	{ name: 'High', value: 'HIGH' },
	{ name: 'Medium', value: 'MEDIUM' },
	{ name: 'Low', value: 'LOW' },
];

/** The ticket the model acts on, in every ticket tool that takes one. */
export const TICKET_ID_ARGUMENT: ToolArgument = {
	key: 'ticket_id',
	description: "The ticket's numeric id, e.g. 12546: the id field of a ticket from the tool that lists tickets",
	type: 'number',
};

/** The statuses as the model reads them: value = meaning. */
export const STATUS_VALUES = statusOptions
	.map((status) => `${status.value} = ${status.description ?? status.name}`)
	.join(', ');

/** What a ticket tool's simplified answer holds for each ticket (output.ts's Simplify set), as the model reads it. */
export const TICKET_FIELDS_TEXT =
	'id, channelName, channelUrl, status2 and status2_name, priority and priority_name, customer_name, group_name, agent_name, createdAt, closedAt, lastMessage and lastMessageAt';
