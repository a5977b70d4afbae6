/**
 * Guard rails: walk both nodes' descriptions and sources and fail on anything
 * that would silently bypass the door (see README, "Adding an operation").
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

import type { INodeProperties } from 'n8n-workflow';

import { Desk360, desk360Door } from '../../nodes/Desk360/Desk360.node';
import { DESK360_PATH_IDS } from '../../nodes/Desk360/shared/pathIds';
import { SendbirdDesk, sendbirdDeskDoor } from '../../nodes/SendbirdDesk/SendbirdDesk.node';
import { SENDBIRD_DESK_PATH_IDS } from '../../nodes/SendbirdDesk/shared/pathIds';
import { placeholdersOf } from '../../nodes/shared/pathIds';
import type { OperationModule } from '../../nodes/shared/resource';

const ROOT = join(__dirname, '..', '..');

const nodes = [
	{ name: 'Desk360', node: new Desk360(), door: desk360Door, pathIds: DESK360_PATH_IDS },
	{ name: 'Sendbird Desk', node: new SendbirdDesk(), door: sendbirdDeskDoor, pathIds: SENDBIRD_DESK_PATH_IDS },
];

const operations = nodes.flatMap(({ name, door, pathIds }) =>
	[...door.operations.entries()].map(([key, module]) => [`${name} ${key}`, module, pathIds] as const),
);

/** Every field of an operation, collections and fixed collections included. */
function allFields(fields: INodeProperties[]): INodeProperties[] {
	return fields.flatMap((field) => {
		const nested = (field.options ?? []) as Array<INodeProperties | { values?: INodeProperties[] }>;
		const children = nested.flatMap((option) =>
			'values' in option && option.values ? option.values : 'displayName' in option && 'type' in option ? [option as INodeProperties] : [],
		);
		return [field, ...allFields(children)];
	});
}

const fieldNames = (module: OperationModule) => new Set(allFields(module.fields).map((field) => field.name));

function sourceFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((entry) => {
		const path = join(folder, entry);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

describe('the door › every operation of both nodes', () => {
	it.each(operations)('%s: every URL placeholder has an ID rule whose parameter the operation has', (_key, module, pathIds) => {
		const url = String(module.option.routing?.request?.url ?? '');
		expect(url).not.toBe('');
		const names = fieldNames(module);
		for (const placeholder of placeholdersOf(url)) {
			expect(pathIds).toHaveProperty(placeholder);
			expect(names).toContain(pathIds[placeholder].parameter);
		}
	});

	it.each(operations)('%s: no output step or request operation that the door would ignore or that would bypass it', (_key, module) => {
		const routings = [module.option.routing, ...allFields(module.fields).map((field) => field.routing)].filter(Boolean);
		for (const routing of routings) {
			expect(routing).not.toHaveProperty('output');
			expect(routing).not.toHaveProperty('operations');
		}
	});

	it.each(operations)('%s: a list is marked as one, and Return All comes with Limit', (_key, module) => {
		const names = fieldNames(module);
		if (names.has('returnAll')) {
			expect(module.answer?.kind).toBe('list');
			expect(names).toContain('limit');
		}
		if (module.option.value === 'getAll') expect(module.answer?.kind).toBe('list');
	});

	it.each(operations)('%s: a download names the parameters of its binary field and file name', (_key, module) => {
		if (module.answer?.kind !== 'binary') return;
		expect(fieldNames(module)).toContain(module.answer.property);
		expect(fieldNames(module)).toContain(module.answer.fileName);
	});
});

describe('the door › each node', () => {
	it.each(nodes)('$name sends every operation through its door, whose check runs first', ({ node, door }) => {
		const { description } = node;
		expect(description.requestOperations).toBe(door.requestOperations);
		// The door's hidden field comes first, so its checks run before any operation's own preSend.
		expect(description.properties[0]).toBe(door.property);
		expect(door.property.routing?.send?.paginate).toBe(true);
		// Every resource/operation the editor offers is one the door knows.
		const resources = description.properties.find((property) => property.name === 'resource')!.options as Array<{ value: string }>;
		for (const { value: resource } of resources) {
			const operationField = description.properties.find(
				(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource),
			)!;
			for (const { value } of operationField.options as Array<{ value: string }>) {
				expect(door.operations.has(`${resource}:${value}`)).toBe(true);
			}
		}
	});

	it.each(nodes)('$name sets no base URL of its own: the door applies the service rule', ({ node }) => {
		expect(node.description.requestDefaults).not.toHaveProperty('baseURL');
	});

	it('no source file sends a request but the door (credentials may log in for n8n’s own test)', () => {
		const senders = [...sourceFiles(join(ROOT, 'nodes')), ...sourceFiles(join(ROOT, 'credentials'))]
			.filter((file) => /helpers\.(httpRequest|request)\b|\.httpRequest(WithAuthentication)?\.call\(|\bfetch\(/.test(readFileSync(file, 'utf8')))
			.map((file) => relative(ROOT, file));
		expect(senders.sort()).toEqual(['credentials/Desk360Api.credentials.ts', 'nodes/shared/send.ts']);
	});
});
