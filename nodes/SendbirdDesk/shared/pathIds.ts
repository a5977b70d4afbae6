import type { PathIdRule } from '../../shared/pathIds';

/** The `:name` placeholders of Sendbird Desk's operation URLs, and the parameter that fills each. */
export const SENDBIRD_DESK_PATH_IDS: Record<string, PathIdRule> = {
	ticketId: { field: 'Ticket', type: 'id', parameter: 'ticketId' },
	noteId: { field: 'Ticket Note ID', type: 'id', parameter: 'noteId' },
	customerId: { field: 'Customer', type: 'id', parameter: 'customerId' },
	groupId: { field: 'Group', type: 'id', parameter: 'groupId' },
};
