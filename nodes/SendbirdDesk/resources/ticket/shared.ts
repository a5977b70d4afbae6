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
