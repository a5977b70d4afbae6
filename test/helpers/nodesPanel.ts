/**
 * n8n's nodes panel (the node creator) as n8n 2.41's editor builds it from
 * the node types and their codex files, to check what users see and find.
 * Mirrors, in n8n-io/n8n, packages/frontend/editor-ui/src/features/shared/nodeCreator/:
 * composables/useActionsGeneration.ts (the actions of each node, and the
 * merging of a trigger into the action node of the same name),
 * components/ItemTypes/NodeItem.vue (the entry's name),
 * components/Modes/NodesMode.vue and ActionsMode.vue (what a click opens),
 * nodeCreator.utils.ts and @n8n/utils/search/sublimeSearch.ts (search:
 * displayName and codex.alias, a query's trailing "Trigger" dropped).
 * Checked against the built editor of n8n-editor-ui 2.41.0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';

const PACKAGE = 'n8n-nodes-helpdesk';

export interface PanelAction {
	/** The text of the entry in the actions list ("On …" for a trigger's events). */
	displayName: string;
	/** "Triggers" or "Actions": the section the action is listed in. */
	section: 'Triggers' | 'Actions';
	/** The resource's group ("Ticket Actions"); empty for triggers. */
	label: string;
	/** The node type the action adds. */
	nodeType: string;
}

export interface PanelEntry {
	/** The node type the entry stands for (the action node's, when a trigger merged into it). */
	name: string;
	/** The name the panel shows. */
	shownName: string;
	description: string;
	alias: string[];
	actions: PanelAction[];
}

interface Codex {
	alias?: string[];
}

function codexOf(folder: string, name: string): Codex {
	const file = join(__dirname, '..', '..', 'nodes', folder, `${folder}.node.json`);
	const codex = JSON.parse(readFileSync(file, 'utf8')) as Codex & { node: string };
	if (codex.node !== `${PACKAGE}.${name}`) throw new Error(`${file} describes ${codex.node}, not ${PACKAGE}.${name}`);
	return codex;
}

function lowerWords(name: string): string {
	// change-case's noCase, which n8n applies to event names: words in lower case.
	return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ').toLowerCase();
}

function startCase(name: string): string {
	return name.replace(/\b\w/g, (letter) => letter.toUpperCase());
}

function triggerActions(description: INodeTypeDescription, nodeType: string): PanelAction[] {
	if (!description.displayName.toLowerCase().includes('trigger')) return [];
	const events = description.properties.find((property) =>
		['event', 'events', 'trigger on'].includes(property.displayName.toLowerCase()),
	);
	const action = (displayName: string): PanelAction => ({ displayName, section: 'Triggers', label: '', nodeType });
	// Without an Event(s) field with options, n8n's placeholder (filterActions drops it when it stands alone).
	if (!events?.options) return [action(`On new ${description.displayName.replace('Trigger', '').trimEnd()} event`)];
	return (events.options as INodePropertyOptions[])
		.filter((option) => !['*', '', ' '].includes(option.name))
		.map((option) => action(option.action ?? `On ${lowerWords(option.name)}`));
}

function resourceActions(description: INodeTypeDescription, nodeType: string): PanelAction[] {
	const resource = description.properties.find((property) => property.name === 'resource');
	return ((resource?.options ?? []) as INodePropertyOptions[]).flatMap((resourceOption) => {
		const operations = description.properties.find(
			(property: INodeProperties) =>
				property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resourceOption.value),
		);
		return ((operations?.options ?? []) as INodePropertyOptions[]).map((operation) => ({
			displayName: operation.action ?? `${resourceOption.name} ${startCase(operation.name)}`,
			section: 'Actions' as const,
			label: `${resourceOption.name} Actions`,
			nodeType,
		}));
	});
}

/** useActionsGeneration's filterActions: a single action is no list; the placeholder only goes with others. */
function filterActions(actions: PanelAction[]): PanelAction[] {
	return actions.length <= 1 ? [] : actions;
}

/** The panel's entries for the package's node types, as generateMergedNodesAndActions builds them. */
export function panelEntries(nodeTypes: Array<{ folder: string; nodeType: INodeType }>): PanelEntry[] {
	const described = nodeTypes.map(({ folder, nodeType }) => {
		const { description } = nodeType;
		const name = `${PACKAGE}.${description.name}`;
		return {
			description: description as INodeTypeDescription,
			name,
			codex: codexOf(folder, description.name),
			isTrigger: description.group.includes('trigger'),
		};
	});
	const entries: PanelEntry[] = [];
	const actionsOf = (node: (typeof described)[number]) => [
		...triggerActions(node.description, node.name),
		...resourceActions(node.description, node.name),
	];
	for (const node of described.filter(({ isTrigger }) => !isTrigger)) {
		entries.push({
			name: node.name,
			shownName: node.description.displayName,
			description: node.description.description,
			alias: node.codex.alias ?? [],
			actions: actionsOf(node),
		});
	}
	for (const trigger of described.filter(({ isTrigger }) => isTrigger)) {
		const app = entries.find((entry) => entry.name === trigger.name.replace('Trigger', ''));
		if (app && app.actions.length > 0) {
			// Merged: the action node's name, icon and codex, the trigger's description.
			app.actions = filterActions([...app.actions, ...actionsOf(trigger)]);
			app.description = trigger.description.description;
		} else {
			entries.push({
				name: trigger.name,
				shownName: trigger.description.displayName,
				description: trigger.description.description,
				alias: trigger.codex.alias ?? [],
				actions: filterActions(actionsOf(trigger)),
			});
		}
	}
	// NodeItem.vue: an entry with a list of actions drops "Trigger" from its name.
	return entries.map((entry) => ({
		...entry,
		shownName: entry.actions.length > 1 ? entry.shownName.trimEnd().replace('Trigger', '') : entry.shownName,
	}));
}

/** removeTrailingTrigger: "Telegram Trig" searches for "Telegram". */
function withoutTrailingTrigger(query: string): string {
	const words = query.split(' ');
	if (words.length > 1 && 'trigger'.startsWith(words[words.length - 1].toLowerCase())) {
		return words.slice(0, -1).filter(Boolean).join(' ').trimEnd();
	}
	return query;
}

/** sublimeSearch's match: the query's characters in order in the name or an alias, any case. */
function matches(query: string, text: string): boolean {
	let at = 0;
	for (const char of text.toLowerCase()) if (char === query[at]) at += 1;
	return query.length > 0 && at === query.length;
}

/** The entries a search in the panel lists (unranked). */
export function search(entries: PanelEntry[], query: string): PanelEntry[] {
	const wanted = withoutTrailingTrigger(query).toLowerCase();
	return entries.filter((entry) => [entry.shownName, ...entry.alias].some((text) => matches(wanted, text)));
}

/**
 * Whether opening the entry in "What happens next?" shows n8n's "We don't
 * have <entry> actions yet" note: ActionsMode.vue shows it when the entry
 * has a list of actions but none outside Triggers.
 */
export function saysItHasNoActions(entry: PanelEntry): boolean {
	return entry.actions.length > 0 && entry.actions.every((action) => action.section === 'Triggers');
}
