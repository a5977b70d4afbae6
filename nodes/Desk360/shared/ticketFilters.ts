import type { INodeProperties } from 'n8n-workflow';

import type { FieldRule } from '../../shared/validation';
import { agentLocator, priorityOptions, statusOptions } from './descriptions';

/*
 * The filters of Desk360's ticket list that the Desk360 node's Ticket → Get
 * Many and the Desk360 Ticket Trigger share: the same fields, the same query
 * parameters (each field's routing.send.property) and the same checks.
 */

export const agentFilter: INodeProperties = {
	...agentLocator('agent', 'Agent', { unassigned: true }),
	description: 'Only tickets assigned to this agent, or (Unassigned, ID 0) only tickets nobody is assigned to',
	routing: { send: { type: 'query', property: 'agent_id' } },
};

export const platformFilter: INodeProperties = {
	displayName: 'Platform',
	name: 'platform',
	type: 'string',
	placeholder: 'e.g. Android',
	default: '',
	description: 'Only tickets from this platform, such as Android, iOS, Web or Api',
	routing: { send: { type: 'query', property: 'platform' } },
};

export const priorityFilter: INodeProperties = {
	displayName: 'Priority',
	name: 'priority',
	type: 'options',
	options: priorityOptions,
	default: 0,
	description: 'Only tickets of this priority: Low (0), Medium (1), High (2) or Urgent (3)',
	routing: { send: { type: 'query', property: 'priority' } },
};

export const reasonFilter: INodeProperties = {
	displayName: 'Reason Name or ID',
	name: 'reason',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getReasons', loadOptionsDependsOn: ['product.value'] },
	default: '',
	description:
		'Only tickets with this reason. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	routing: { send: { type: 'query', property: 'reason_id' } },
};

export const statusFilter: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: statusOptions,
	default: 1,
	description: 'Only tickets in this status: Resolved (1) or Waiting (2)',
	routing: { send: { type: 'query', property: 'status' } },
};

export const ticketTypeFilter: INodeProperties = {
	displayName: 'Ticket Type Name or ID',
	name: 'type',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTicketTypes', loadOptionsDependsOn: ['product.value'] },
	default: '',
	description:
		'Only tickets of this type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	routing: { send: { type: 'query', property: 'type_id' } },
};

/** The checks of the filters' ID values, keyed by query parameter (the agent takes 0: unassigned). */
export const TICKET_FILTER_RULES: Record<string, FieldRule> = {
	agent_id: { field: 'Agent', type: 'id', in: 'qs', zero: true },
	reason_id: { field: 'Reason', type: 'id', in: 'qs' },
	type_id: { field: 'Ticket Type', type: 'id', in: 'qs' },
};
