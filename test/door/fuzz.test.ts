/**
 * Property-based fuzz over every operation of both nodes, through n8n's own
 * RoutingNode: parameters drawn from each field's type, good values mixed
 * with hostile ones (objects, lists, NaN, `..`, encoded slashes, prototype
 * keys, undocumented options). Whatever comes in:
 * - an error names a field (or, once something was sent, is the API's);
 * - input the node can tell is invalid never reaches the server;
 * - a request never leaves the operation's URL template.
 */
import fc from 'fast-check';
import nock from 'nock';
import { NodeHelpers, type INodeParameters, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import { desk360Door } from '../../nodes/Desk360/Desk360.node';
import { DESK360_PATH_IDS } from '../../nodes/Desk360/shared/pathIds';
import { sendbirdDeskDoor } from '../../nodes/SendbirdDesk/SendbirdDesk.node';
import { SENDBIRD_DESK_PATH_IDS } from '../../nodes/SendbirdDesk/shared/pathIds';
import type { PathIdRule } from '../../nodes/shared/pathIds';
import type { OperationModule } from '../../nodes/shared/resource';
import { isUnsafeKey } from '../../nodes/shared/validation';
import { BASE_URL, desk360, tokenCredentials } from '../desk360/fixtures';
import { ORIGIN, credentials as sendbirdCredentials, sendbird } from '../sendbird/fixtures';
import { runNode, type NodeHarness } from '../helpers/n8n';

/** Runs per operation: enough to hit every field's hostile values, quick enough for `npm test`. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

/** A generated parameter value, and whether the node can tell it is invalid. */
interface Drawn {
	value: unknown;
	invalid: boolean;
}

const ok = (value: unknown): Drawn => ({ value, invalid: false });
const bad = (value: unknown): Drawn => ({ value, invalid: true });

/** A non-text value as an expression, the only way it reaches a parameter. */
function expression(value: unknown): string {
	if (typeof value === 'number' && !Number.isFinite(value)) return `={{ ${String(value)} }}`;
	return `={{ ${JSON.stringify(value)} }}`;
}

/** Values no text or number field takes, whatever the field. */
const nonScalars = fc.constantFrom(bad(expression({ a: 1 })), bad(expression(['x', { y: 1 }])), bad(expression(Number.NaN)));

/** Text that may be fine for a free text field, and hostile for an ID. */
const hostileText = fc.constantFrom('', ' ', '..', '.', '/', 'a/b', '%2e%2e', '%2F', '?x=1', '#frag', '__proto__', 'constructor', '-1', '1.5', '0', 'x'.repeat(300));
const plainText = fc.constantFrom('Jane', 'jane@example.com', '+905551234567', '2026-01-31', 'Hello world', '12', 'data');

function textField(): fc.Arbitrary<Drawn> {
	return fc.oneof(plainText.map(ok), hostileText.map(ok), nonScalars);
}

function numberField(field: INodeProperties): fc.Arbitrary<Drawn> {
	const { minValue = -Infinity, maxValue = Infinity, numberPrecision } = field.typeOptions ?? {};
	const inRange = (value: number) => value >= minValue && value <= maxValue && (numberPrecision !== 0 || Number.isInteger(value));
	return fc.oneof(
		fc.constantFrom(0, 1, 5, 12.5, -1, -200, 1e9).map((value) => (inRange(value) ? ok(value) : bad(expression(value)))),
		fc.constantFrom(bad(expression('abc')), bad(expression(Number.POSITIVE_INFINITY))),
		nonScalars,
	);
}

function optionsField(field: INodeProperties): fc.Arbitrary<Drawn> {
	if (field.typeOptions?.loadOptionsMethod) return fc.oneof(fc.constantFrom('3', '12', 'en', 'body-1').map(ok), hostileText.map(ok), nonScalars);
	const values = (field.options as INodePropertyOptions[]).map((option) => option.value);
	return fc.oneof(fc.constantFrom(...values).map(ok), fc.constantFrom(bad(expression('nope')), bad(expression(99))), nonScalars);
}

function locatorField(): fc.Arbitrary<Drawn> {
	return fc.oneof(
		fc.constantFrom('12', ' 12 ', '7').map((value) => ok({ __rl: true, mode: 'id', value })),
		hostileText.map((value) => ok({ __rl: true, mode: 'id', value })),
		fc.constantFrom(bad({ __rl: true, mode: 'id', value: expression({ a: 1 }) })),
	);
}

function fieldValue(field: INodeProperties): fc.Arbitrary<Drawn> {
	switch (field.type) {
		case 'string':
			return textField();
		case 'number':
			return numberField(field);
		case 'boolean':
			return fc.oneof(fc.boolean().map(ok), fc.constant(bad(expression('yes'))));
		case 'options':
			return optionsField(field);
		case 'multiOptions':
			return fc.constant(ok(field.default));
		case 'resourceLocator':
			return locatorField();
		case 'json':
			return fc.constantFrom('{}', '{"a":1}', 'not json', '[1]').map(ok);
		case 'dateTime':
			return fc.constantFrom('2026-01-31', '2026-01-31T10:00:00.000Z', 'yesterday', '31/01/2026').map(ok);
		case 'collection':
			return collectionValue(field.options as INodeProperties[]);
		default:
			return fc.constant(ok(field.default));
	}
}

/** Some of a collection's fields, each drawn by its type. */
function collectionValue(options: INodeProperties[]): fc.Arbitrary<Drawn> {
	type Entry = readonly [string, Drawn];
	return fc
		.subarray(options, { maxLength: Math.min(4, options.length) })
		.chain(
			(chosen): fc.Arbitrary<Entry[]> =>
				chosen.length === 0
					? fc.constant([])
					: fc.tuple(...chosen.map((field) => fieldValue(field).map((drawn): Entry => [field.name, drawn]))),
		)
		.map((entries) => ({
			value: Object.fromEntries(entries.map(([name, drawn]) => [name, drawn.value])),
			invalid: entries.some(([, drawn]) => drawn.invalid),
		}));
}

/** Every parameter of an operation drawn at once. */
function parametersOf(module: OperationModule): fc.Arbitrary<{ parameters: Record<string, unknown>; invalid: boolean }> {
	const fields = module.fields.filter((field) => field.type !== 'notice' && field.type !== 'fixedCollection');
	return fc.tuple(...fields.map((field) => fieldValue(field))).map((drawn) => {
		const parameters = Object.fromEntries(fields.map((field, index) => [field.name, drawn[index].value])) as INodeParameters;
		// A field its display conditions hide is not used, so its value is not an error.
		const shown = (field: INodeProperties) => NodeHelpers.displayParameter(parameters, field, { typeVersion: 1 }, null, parameters);
		return { parameters, invalid: fields.some((field, index) => drawn[index].invalid && shown(field)) };
	});
}

/** Every label an error may start with: the operation's fields, its URL IDs, the Limit. */
function labelsOf(module: OperationModule, pathIds: Record<string, PathIdRule>): string[] {
	const walk = (fields: INodeProperties[]): string[] =>
		fields.flatMap((field) => [
			field.displayName,
			field.displayName.replace(/s$/, ''),
			...walk(((field.options ?? []) as INodeProperties[]).filter((option) => typeof option === 'object' && 'displayName' in option && 'type' in option)),
			...((field.options ?? []) as Array<{ values?: INodeProperties[] }>).flatMap((option) => walk(option.values ?? [])),
		]);
	return [...walk(module.fields), ...Object.values(pathIds).map((rule) => rule.field), 'Limit'];
}

/** The path of the operation's URL template as a pattern: each ID one safe segment. */
function pathPattern(url: string, apiPath: string, pathIds: Record<string, PathIdRule>): RegExp {
	const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]\w*)/g, (_match, name: string) =>
		pathIds[name].type === 'id' ? '[1-9]\\d*' : '[A-Za-z0-9_][A-Za-z0-9_.:=+-]*',
	);
	return new RegExp(`^${apiPath}${escaped}(\\?|$)`);
}

const subjects: Array<{ node: string; harness: NodeHarness; door: typeof desk360Door; pathIds: Record<string, PathIdRule>; origin: string; apiPath: string; credentials: object }> = [
	{ node: 'Desk360', harness: desk360, door: desk360Door, pathIds: DESK360_PATH_IDS, origin: BASE_URL, apiPath: '', credentials: tokenCredentials },
	{
		node: 'Sendbird Desk',
		harness: sendbird as NodeHarness,
		door: sendbirdDeskDoor as typeof desk360Door,
		pathIds: SENDBIRD_DESK_PATH_IDS,
		origin: ORIGIN,
		apiPath: '/platform/v1',
		credentials: sendbirdCredentials,
	},
];

const cases = subjects.flatMap((subject) =>
	[...subject.door.operations.entries()].map(([key, module]) => [`${subject.node} ${key}`, subject, key, module] as const),
);

/** An input item with a small file in `data`. */
const inputItem = { json: { id: 'wamid.1' }, binary: { data: { data: Buffer.from('%PDF-1.4 fuzz').toString('base64'), mimeType: 'application/pdf', fileName: 'fuzz.pdf' } } };

describe('the door › fuzz', () => {
	it.each(cases)('%s', async (_name, subject, key, module) => {
		const [resource, operation] = key.split(':');
		const labels = labelsOf(module, subject.pathIds);
		const method = String(module.option.routing!.request!.method ?? 'GET');
		const pattern = pathPattern(String(module.option.routing!.request!.url), subject.apiPath, subject.pathIds);
		await fc.assert(
			fc.asyncProperty(parametersOf(module), async ({ parameters, invalid }) => {
				nock.cleanAll();
				const sent: Array<{ method: string; path: string }> = [];
				const scope = nock(subject.origin)
					.persist()
					.intercept(() => true, method)
					.reply(200, module.answer?.kind === 'binary' ? Buffer.from('file') : module.answer?.kind === 'list' ? [] : { id: 1 });
				scope.on('request', (request: { method: string; path: string }) => sent.push({ method: request.method, path: request.path }));
				let error: Error | undefined;
				try {
					await runNode(subject.harness, { parameters: { resource, operation, ...parameters } as never, credentials: subject.credentials as never, items: [inputItem] });
				} catch (caught) {
					error = caught as Error;
				}
				for (const request of sent) {
					expect(request.path).toMatch(pattern);
					expect(request.path.split('?')[0].split('/')).not.toContain('..');
				}
				if (invalid) {
					expect(sent).toEqual([]);
					expect(error).toBeDefined();
				}
				if (error && sent.length === 0) {
					// The error names the field it is about (n8n's routing wraps the node's NodeOperationError).
					expect(labels.some((label) => error!.message.startsWith(label))).toBe(true);
				}
				if (error) expect(['NodeApiError', 'NodeOperationError']).toContain(error.constructor.name);
				for (const key of Object.keys(parameters)) expect(isUnsafeKey(key)).toBe(false);
			}),
			{ numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261129) },
		);
		nock.cleanAll();
	});
});
