/**
 * README.md's operation tables (Desk360 node, Sendbird Desk node) and its
 * "Output: readable values and Simplify" tables, checked both ways against
 * the nodes: every operation the editor offers has its row, every row is an
 * operation, and the fields the README names are the ones the operations'
 * output rules add or keep.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeType } from 'n8n-workflow';

import { Desk360, desk360Door } from '../../nodes/Desk360/Desk360.node';
import { SendbirdDesk, sendbirdDeskDoor } from '../../nodes/SendbirdDesk/SendbirdDesk.node';
import type { OutputRule } from '../../nodes/shared/output';
import type { OperationModule } from '../../nodes/shared/resource';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

interface NodeUnderTest {
	/** The node's name as the README's rows start ("Desk360 Ticket → Get"). */
	name: string;
	/** The heading of its section, whose first table lists its operations. */
	heading: string;
	nodeType: INodeType;
	operations: Map<string, OperationModule>;
}

const NODES: NodeUnderTest[] = [
	{ name: 'Desk360', heading: '## Desk360 node', nodeType: new Desk360(), operations: desk360Door.operations },
	{ name: 'Sendbird Desk', heading: '## Sendbird Desk node', nodeType: new SendbirdDesk(), operations: sendbirdDeskDoor.operations },
];

const OUTPUT_HEADING = '## Output: readable values and Simplify';

/** An operation as the editor shows it: "Ticket → Get Many", with its module. */
interface EditorOperation {
	label: string;
	module: OperationModule;
}

/** Every resource × operation of a node, by the display names of its description. */
function editorOperations({ nodeType, operations }: NodeUnderTest): EditorOperation[] {
	const { properties } = nodeType.description;
	const resources = properties.find((property) => property.name === 'resource')!.options as Array<{ name: string; value: string }>;
	return resources.flatMap((resource) => {
		const field = properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value),
		)!;
		return (field.options as Array<{ name: string; value: string }>).map((option) => ({
			label: `${resource.name} → ${option.name}`,
			module: operations.get(`${resource.value}:${option.value}`)!,
		}));
	});
}

/** The Markdown tables of the section under `heading` (to the next heading of its level), as rows of cells, header dropped. */
function tablesUnder(readme: string, heading: string): string[][][] {
	const lines = readme.split('\n');
	const start = lines.indexOf(heading);
	if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
	const level = heading.indexOf(' ');
	const after = lines.slice(start + 1);
	const end = after.findIndex((line) => /^#+ /.test(line) && line.indexOf(' ') <= level);
	const section = end < 0 ? after : after.slice(0, end);
	const tables: string[][][] = [];
	let table: string[][] | undefined;
	for (const line of section) {
		if (!line.startsWith('|')) {
			table = undefined;
			continue;
		}
		const cells = line.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
		if (!table) tables.push((table = []));
		// The header row and the |---| row are not rows of the table.
		else if (!cells.every((cell) => /^:?-+:?$/.test(cell))) table.push(cells);
	}
	return tables;
}

function tableUnder(readme: string, heading: string, index: number, what: string): string[][] {
	const table = tablesUnder(readme, heading)[index];
	if (!table || table.length === 0) throw new Error(`README.md has no ${what} table under "${heading}"`);
	return table;
}

/** Labels listed twice, as messages. */
function repeated(where: string, labels: string[]): string[] {
	return labels.filter((label, index) => labels.indexOf(label) !== index).map((label) => `${where}: "${label}" is listed twice`);
}

/**
 * The operations table of a node: "resource | operation | ...", where an
 * operation cell may name several ("Get Many / Get") and explain them in
 * brackets ("Get Many (filters: ...)").
 */
function operationTableMismatches(readme: string, node: NodeUnderTest): string[] {
	const where = `README "${node.heading.slice(3)}" table`;
	const listed = tableUnder(readme, node.heading, 0, 'operations').flatMap(([resource, operations]) =>
		operations
			.replace(/\s*\([^)]*\)/g, '')
			.split(' / ')
			.map((operation) => `${resource} → ${operation.trim()}`),
	);
	const offered = editorOperations(node).map((operation) => operation.label);
	return [
		...offered.filter((label) => !listed.includes(label)).map((label) => `${where}: no row for "${label}"`),
		...listed.filter((label) => !offered.includes(label)).map((label) => `${where}: "${label}" is not an operation of the node`),
		...repeated(where, listed),
	];
}

/** A row's first cell, "Desk360 Ticket → Get Many, Get", as operation labels of one node. */
function rowOperations(cell: string, where: string): { node: NodeUnderTest; labels: string[] } {
	const node = NODES.find((candidate) => cell.startsWith(`${candidate.name} `));
	const [resource, operations] = cell.slice((node?.name.length ?? 0) + 1).split(' → ');
	if (!node || operations === undefined) {
		throw new Error(`${where}: row "${cell}" does not read "<node> <resource> → <operation>, ..." (nodes: ${NODES.map((candidate) => candidate.name).join(', ')})`);
	}
	return { node, labels: operations.split(', ').map((operation) => `${resource} → ${operation.trim()}`) };
}

/** The `field` names of a cell; "the same and ..." starts from the row above. */
function fieldsOf(cell: string, above: string[]): string[] {
	const named = [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
	return cell.startsWith('the same') ? [...above, ...named] : named;
}

/** Every operation of both nodes whose output rule has `what`, by "<node> <resource> → <operation>". */
function operationsWith(what: keyof OutputRule): Map<string, OutputRule> {
	return new Map(
		NODES.flatMap((node) =>
			editorOperations(node)
				.filter(({ module }) => module?.output?.[what] !== undefined)
				.map(({ label, module }): [string, OutputRule] => [`${node.name} ${label}`, module.output!]),
		),
	);
}

/** Compares per operation the fields the README lists with the fields of the code, both ways. */
function fieldMismatches(where: string, listed: Map<string, string[]>, actual: Map<string, string[]>): string[] {
	const problems: string[] = [];
	for (const [operation, fields] of actual) {
		const named = listed.get(operation);
		if (!named) {
			problems.push(`${where}: no row for "${operation}" (${fields.join(', ')})`);
			continue;
		}
		for (const field of fields.filter((field) => !named.includes(field))) problems.push(`${where}: "${operation}" does not list ${field}`);
		for (const field of named.filter((field) => !fields.includes(field))) problems.push(`${where}: "${operation}" lists ${field}, which it does not have`);
	}
	for (const operation of listed.keys()) {
		if (!actual.has(operation)) problems.push(`${where}: "${operation}" is not an operation with such fields`);
	}
	return problems;
}

/** The README's rows of one output table as fields per operation ("Get (in each of its `messages`)" prefixes "messages[]."). */
function listedFields(table: string[][], where: string): { fields: Map<string, string[]>; problems: string[] } {
	const fields = new Map<string, string[]>();
	const labels: string[] = [];
	let above: string[] = [];
	for (const [operationsCell, fieldsCell] of table) {
		const { node, labels: rowLabels } = rowOperations(operationsCell, where);
		above = fieldsOf(fieldsCell, above);
		for (const rowLabel of rowLabels) {
			const nested = /^(.*) \(in each of its `([^`]+)`\)$/.exec(rowLabel);
			const label = `${node.name} ${nested ? nested[1] : rowLabel}`;
			labels.push(nested ? `${label} (${nested[2]})` : label);
			const named = nested ? above.map((field) => `${nested[2]}[].${field}`) : above;
			fields.set(label, [...(fields.get(label) ?? []), ...named]);
		}
	}
	return { fields, problems: repeated(where, labels) };
}

/**
 * One object with the fields every readable rule reads (a Desk360 ticket with
 * its messages, a message, a log, a WhatsApp template, a Sendbird ticket):
 * a rule adds only what it knows, so what each adds shows on this one object.
 */
const SAMPLE: IDataObject = {
	id: 1,
	status: 2,
	priority: 1,
	created_at: '2024-05-01 10:00:00',
	updated_at: '2024-05-02 11:00:00',
	messages: [{ id: 2, message: 'Hello', type: 0, created_at: '2024-05-01 10:00:00' }],
	type: 6,
	old_status_id: 2,
	new_status_id: 1,
	template_name: 'welcome',
	languages: [{ language_code: 'en', parameters: ['name'] }],
	status2: 'ACTIVE',
	customer: { displayName: 'Jane Doe' },
	group: { name: 'Support' },
	recentAssignment: { agent: { displayName: 'Kemal' } },
};

/** The fields a readable rule adds to SAMPLE, those of objects in its lists as "list[].field". */
function addedFields(rule: OutputRule): string[] {
	const readable = rule.readable!(structuredClone(SAMPLE), 'UTC');
	return Object.keys(readable).flatMap((key) => {
		if (!(key in SAMPLE)) return [key];
		const [before, after] = [SAMPLE[key], readable[key]];
		if (!Array.isArray(before) || !Array.isArray(after) || typeof after[0] !== 'object') return [];
		return Object.keys(after[0] as IDataObject)
			.filter((field) => !(field in (before[0] as IDataObject)))
			.map((field) => `${key}[].${field}`);
	});
}

function readableMismatches(readme: string): string[] {
	const where = 'README readable values table';
	const { fields, problems } = listedFields(tableUnder(readme, OUTPUT_HEADING, 0, 'readable values'), where);
	const actual = new Map(
		[...operationsWith('readable')].map(([label, rule]): [string, string[]] => [label, addedFields(rule)]).filter(([, added]) => added.length > 0),
	);
	return [...problems, ...fieldMismatches(where, fields, actual)];
}

function simplifyMismatches(readme: string): string[] {
	const where = 'README Simplify table';
	const { fields, problems } = listedFields(tableUnder(readme, OUTPUT_HEADING, 1, 'Simplify'), where);
	const actual = new Map([...operationsWith('simplified')].map(([label, rule]): [string, string[]] => [label, rule.simplified!]));
	return [...problems, ...fieldMismatches(where, fields, actual)];
}

/** Every difference between a README text and the nodes, each naming its row (or field). */
function mismatches(readme: string): string[] {
	return [
		...NODES.flatMap((node) => operationTableMismatches(readme, node)),
		...readableMismatches(readme),
		...simplifyMismatches(readme),
	];
}

/** The README with the one line starting with `start` removed or replaced. */
function editLine(readme: string, start: string, replacement?: string): string {
	const lines = readme.split('\n');
	const index = lines.findIndex((line) => line.startsWith(start));
	if (index < 0 || lines.findIndex((line, other) => other > index && line.startsWith(start)) >= 0) {
		throw new Error(`the README has not exactly one line starting with "${start}"`);
	}
	lines.splice(index, 1, ...(replacement === undefined ? [] : [replacement]));
	return lines.join('\n');
}

describe('README tables against the nodes', () => {
	it.each(NODES)('the $name node table lists each operation of the node once, and nothing else', (node) => {
		expect(editorOperations(node).length).toBeGreaterThan(5);
		expect(operationTableMismatches(README, node)).toEqual([]);
	});

	it('the readable values table lists, per operation, the fields its output rule adds', () => {
		expect(operationsWith('readable').size).toBeGreaterThan(5);
		expect(readableMismatches(README)).toEqual([]);
	});

	it('the Simplify table lists, per operation, the fields Simplify keeps', () => {
		expect(operationsWith('simplified').size).toBeGreaterThan(3);
		expect(simplifyMismatches(README)).toEqual([]);
	});

	it('readable rules keep the API’s own fields as they are (the README says so)', () => {
		for (const rule of operationsWith('readable').values()) {
			expect(rule.readable!(structuredClone(SAMPLE), 'UTC')).toMatchObject(SAMPLE);
		}
	});
});

describe('README tables › the check fails on a broken README, naming the row', () => {
	it('a removed operation row', () => {
		const broken = editLine(README, '| Ticket | Get Logs |');
		expect(mismatches(broken)).toEqual(['README "Desk360 node" table: no row for "Ticket → Get Logs"']);
	});

	it('an operation dropped from a combined row, and an operation the node does not have', () => {
		const broken = editLine(README, '| Group | Get Many / Get |', '| Group | Get Many / Delete | `GET /groups` | Sendbird public documentation |');
		expect(mismatches(broken)).toEqual([
			'README "Sendbird Desk node" table: no row for "Group → Get"',
			'README "Sendbird Desk node" table: "Group → Delete" is not an operation of the node',
		]);
	});

	it('an operation listed twice', () => {
		const broken = editLine(README, '| Agent | Get Current |', '| Agent | Get Current / Get Current | the agent |');
		expect(mismatches(broken)).toEqual(['README "Desk360 node" table: "Agent → Get Current" is listed twice']);
	});

	it('a removed readable values row, and a field missing from another', () => {
		let broken = editLine(README, '| Desk360 Ticket → Get Logs | `old_status_name`');
		broken = editLine(broken, '| Desk360 WhatsApp Template → Get Many | `language_codes`', '| Desk360 WhatsApp Template → Get Many | `language_codes` |');
		expect(mismatches(broken)).toEqual([
			'README readable values table: no row for "Desk360 Ticket → Get Logs" (old_status_name, new_status_name, created_at_iso)',
			'README readable values table: "Desk360 WhatsApp Template → Get Many" does not list parameter_keys',
		]);
	});

	it('a readable values row for an operation without readable values', () => {
		const broken = editLine(README, '| Desk360 Ticket → Get Logs | `old_status_name`', '| Desk360 Ticket → Get Logs, Get Current | `old_status_name`, `new_status_name`, `created_at_iso` |');
		expect(mismatches(broken)).toEqual(['README readable values table: "Desk360 Ticket → Get Current" is not an operation with such fields']);
	});

	it('a field of the messages of a ticket missing', () => {
		const broken = editLine(README, '| Desk360 Ticket → Reply, Add Note, Get (in each of its `messages`) |', '| Desk360 Ticket → Reply, Add Note | `type_name` (Message, Note), `created_at_iso` |');
		expect(mismatches(broken)).toEqual([
			'README readable values table: "Desk360 Ticket → Get" does not list messages[].type_name',
			'README readable values table: "Desk360 Ticket → Get" does not list messages[].created_at_iso',
		]);
	});

	it('a removed Simplify row, and a field Simplify does not keep', () => {
		let broken = editLine(README, '| Desk360 WhatsApp Template → Get Many | `id`');
		broken = editLine(broken, '| Desk360 Ticket → Get |', '| Desk360 Ticket → Get | the same and `messages`, `description` |');
		expect(mismatches(broken)).toEqual([
			'README Simplify table: "Desk360 Ticket → Get" lists description, which it does not have',
			'README Simplify table: no row for "Desk360 WhatsApp Template → Get Many" (id, template_name, language_codes, parameter_keys)',
		]);
	});
});
