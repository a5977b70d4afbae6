import { Desk360 } from '../../nodes/Desk360/Desk360.node';
import { Desk360TicketTrigger } from '../../nodes/Desk360TicketTrigger/Desk360TicketTrigger.node';
import { Desk360Trigger } from '../../nodes/Desk360Trigger/Desk360Trigger.node';
import { SendbirdDesk } from '../../nodes/SendbirdDesk/SendbirdDesk.node';
import { SendbirdDeskTrigger } from '../../nodes/SendbirdDeskTrigger/SendbirdDeskTrigger.node';
import { panelEntries, saysItHasNoActions, search, type PanelEntry } from '../helpers/nodesPanel';

const entries = panelEntries([
	{ folder: 'Desk360', nodeType: new Desk360() },
	{ folder: 'Desk360TicketTrigger', nodeType: new Desk360TicketTrigger() },
	{ folder: 'Desk360Trigger', nodeType: new Desk360Trigger() },
	{ folder: 'SendbirdDesk', nodeType: new SendbirdDesk() },
	{ folder: 'SendbirdDeskTrigger', nodeType: new SendbirdDeskTrigger() },
]);

function entry(shownName: string): PanelEntry {
	const found = entries.find((candidate) => candidate.shownName === shownName);
	if (!found) throw new Error(`no entry "${shownName}" in ${entries.map((candidate) => candidate.shownName).join(', ')}`);
	return found;
}

const names = (found: PanelEntry[]) => found.map((candidate) => candidate.shownName);
const actionNames = (found: PanelEntry, section: 'Triggers' | 'Actions') =>
	found.actions.filter((action) => action.section === section).map((action) => action.displayName);

describe("n8n's nodes panel", () => {
	it('shows three entries: Desk360 and Sendbird Desk with their webhook triggers merged in, and the Desk360 Ticket Trigger', () => {
		expect(names(entries).sort()).toEqual(['Desk360', 'Desk360 Ticket Trigger', 'Sendbird Desk']);
	});

	it.each([
		['Desk360', new Desk360Trigger()],
		['Sendbird Desk', new SendbirdDeskTrigger()],
	])('gives the merged %s entry a text that speaks of its actions and of its trigger', (shownName, trigger) => {
		const { description } = entry(shownName);
		expect(description).toBe(trigger.description.description);
		expect(description).toMatch(/^Manage .*tickets.*, or start a workflow on a .* webhook/);
	});

	it('lists the WhatsApp webhook events under Triggers of the Desk360 entry, named as WhatsApp events', () => {
		expect(actionNames(entry('Desk360'), 'Triggers')).toEqual([
			'On WhatsApp auto reply',
			'On WhatsApp chatbot conversation',
			'On WhatsApp message received',
			'On WhatsApp message status update',
		]);
		expect(actionNames(entry('Desk360'), 'Actions')).toHaveLength(29);
	});

	it('opens no actions list for the Desk360 Ticket Trigger, which would say it has no actions', () => {
		const ticketTrigger = entry('Desk360 Ticket Trigger');
		expect(ticketTrigger.actions).toEqual([]);
		expect(entries.filter(saysItHasNoActions)).toEqual([]);
	});

	it.each(['WhatsApp', 'whatsapp trigger', 'Desk360 WhatsApp Trigger', 'Desk360 WhatsApp'])(
		'finds the Desk360 entry, with the WhatsApp trigger and actions, when searching "%s"',
		(query) => {
			const desk360 = search(entries, query).find((found) => found.shownName === 'Desk360');
			expect(desk360?.actions.filter((action) => action.nodeType.endsWith('.desk360Trigger'))).toHaveLength(4);
			expect(desk360?.actions.filter((action) => action.label.startsWith('WhatsApp'))).toHaveLength(11);
		},
	);

	it.each(['ticket', 'Ticket Trigger', 'Desk360 Ticket'])('finds the Desk360 Ticket Trigger and the ticket actions when searching "%s"', (query) => {
		const found = search(entries, query);
		expect(names(found)).toEqual(expect.arrayContaining(['Desk360 Ticket Trigger', 'Desk360']));
		expect(entry('Desk360').actions.filter((action) => action.label === 'Ticket Actions')).toHaveLength(7);
	});

	it.each(['new ticket', 'updated ticket', 'Desk360 Ticket Trigger'])('finds the Desk360 Ticket Trigger when searching "%s"', (query) => {
		expect(names(search(entries, query))).toContain('Desk360 Ticket Trigger');
	});

	it('finds the Sendbird Desk entry and its webhook trigger when searching "Sendbird Desk Trigger"', () => {
		const sendbird = search(entries, 'Sendbird Desk Trigger').find((found) => found.shownName === 'Sendbird Desk');
		expect(actionNames(sendbird!, 'Triggers')).toEqual(['On new Sendbird Desk event']);
	});
});
