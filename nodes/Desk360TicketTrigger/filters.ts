import type { IDataObject } from 'n8n-workflow';

function sameText(actual: unknown, wanted: unknown): boolean {
	return String(actual ?? '').trim().toLowerCase() === String(wanted).trim().toLowerCase();
}

/** A ticket without an agent is unassigned, which the filter calls agent 0. */
function sameNumber(key: string, actual: unknown, wanted: unknown): boolean {
	if (actual === null || actual === undefined || actual === '') return key === 'agent_id' && Number(wanted) === 0;
	return Number(actual) === Number(wanted);
}

/**
 * The filters (the ticket list's query parameters, as the Desk360 node sends
 * them) applied by the trigger to the tickets of the product's whole list, as
 * Desk360 compares them: numbers equal, the platform in any case. Polls read
 * the whole list: a ticket that stops matching while a filtered list is read
 * moves every later ticket up a place, and one of them would slip onto a page
 * already read.
 */
export function ticketFilter(qs: IDataObject): (ticket: IDataObject) => boolean {
	const wanted = Object.entries(qs);
	return (ticket) =>
		wanted.every(([key, value]) => (key === 'platform' ? sameText(ticket[key], value) : sameNumber(key, ticket[key], value)));
}
