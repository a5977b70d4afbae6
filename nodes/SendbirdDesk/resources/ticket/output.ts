import type { IDataObject } from 'n8n-workflow';

import type { OutputRule } from '../../../shared/output';
import { priorityOptions, statusOptions } from './shared';

const nameOf = (options: Array<{ name: string; value: string }>, code: unknown): string | null => {
	if (code === undefined || code === null || code === '') return null;
	return options.find((option) => option.value === code)?.name ?? `Unknown (${String(code)})`;
};

/**
 * A Sendbird ticket with `status2_name`, `priority_name`, `customer_name`,
 * `group_name` and `agent_name` next to Sendbird's own values (the same
 * `<field>_name` style as the Desk360 node).
 */
export function readableSendbirdTicket(ticket: IDataObject): IDataObject {
	const readable: IDataObject = { ...ticket };
	if ('status2' in ticket) readable.status2_name = nameOf(statusOptions, ticket.status2);
	if ('priority' in ticket) readable.priority_name = nameOf(priorityOptions, ticket.priority);
	const customer = ticket.customer as IDataObject | undefined;
	if (customer) readable.customer_name = customer.displayName ?? null;
	const group = ticket.group as IDataObject | undefined;
	if (group) readable.group_name = group.name ?? null;
	const agent = (ticket.recentAssignment as IDataObject | undefined)?.agent as IDataObject | undefined;
	if ('recentAssignment' in ticket) readable.agent_name = agent?.displayName ?? null;
	return readable;
}

/** Get and Get Many: Simplify keeps the fields a ticket is read for. */
export const sendbirdTicketOutput: OutputRule = {
	readable: readableSendbirdTicket,
	simplified: [
		'id', 'channelName', 'channelUrl', 'status2', 'status2_name', 'priority', 'priority_name', 'customer_name',
		'group_name', 'agent_name', 'createdAt', 'closedAt', 'lastMessage', 'lastMessageAt',
	],
};
