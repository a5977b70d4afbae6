// Walks a node's fields in the n8n editor (see editorFields.test.mjs): which
// states show every field, by n8n-workflow's own display rules, and how each
// field is checked in the open panel.
import { createRequire } from 'node:module';

// n8n-workflow's ESM build does not load in plain Node: use its CommonJS build, as n8n does.
const { NodeHelpers } = createRequire(import.meta.url)('n8n-workflow');

/** The page the walk drives; set by useEditor(). */
let page;
let workflowId;

export function useEditor(editorPage, id) {
	page = editorPage;
	workflowId = id;
}

const MENU_ENTRIES = '.el-select-dropdown__item, [data-test-id="rlc-item"], [data-test-id="collection-parameter-option"]';
const SELECTOR_TYPES = new Set(['options', 'multiOptions', 'boolean']);
/** Options the editor adds itself (Custom API Call), not the package. */
const isEditorOption = (value) => typeof value === 'string' && value.startsWith('__');


/**
 * The node types of the package as the editor loads them, each with the fields
 * of its Parameters tab: those the package declares and those n8n adds to them
 * (Poll Times on a polling node), not the node settings n8n adds (Request Options).
 */
export function packageNodeTypes(loaded, packageRoot) {
	const require = createRequire(import.meta.url);
	const manifest = require(`${packageRoot}/package.json`);
	const names = new Set();
	for (const path of manifest.n8n.nodes) {
		const classes = Object.values(require(`${packageRoot}/${path}`)).filter((value) => typeof value === 'function');
		for (const NodeClass of classes) {
			const { name, usableAsTool } = new NodeClass().description;
			names.add(`${manifest.name}.${name}`);
			// The tool n8n makes of it for AI agents: its own fields (Tool Description, the model's fields).
			if (usableAsTool) names.add(`${manifest.name}.${name}Tool`);
		}
	}
	return loaded
		.filter((type) => names.has(type.name))
		.map((type) => ({ ...type, properties: type.properties.filter((property) => !property.isNodeSetting) }));
}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------
// Which fields are shown, by n8n's own display rules

/**
 * One node as the walk sees it: its type and version (for `@version`
 * conditions), its parameters (`root`, for `/name` conditions of nested fields),
 * and the record of its node type's walk (`walk`: the fields checked, counts).
 * @typedef {{ type: any, node: { typeVersion: number }, root?: Record<string, any>, walk?: { checked: Set<any>, counts: Record<string, number> } }} View
 */

/** The values of `fields` given some of them (`fixed`), with the defaults of the rest. */
function valuesOf(view, fields, fixed) {
	return NodeHelpers.getNodeParameters(fields, fixed, true, false, view.node, view.type) ?? {};
}

/** Whether `property` is shown beside fields of `values` (`root`: the node's, for nested fields). */
function isShown(view, property, values, root = values) {
	return property.type !== 'hidden' && NodeHelpers.displayParameter(values, property, view.node, view.type, root);
}

/** Names of fields that the display conditions of `fields` refer to. */
function referencedNames(fields) {
	const names = new Set();
	for (const property of fields) {
		for (const rule of [property.displayOptions?.show, property.displayOptions?.hide]) {
			for (const name of Object.keys(rule ?? {})) names.add(name);
		}
	}
	return names;
}

/** Fields whose value decides what else is shown: resource, operation, events, switches... */
function selectorsOf(fields) {
	const referenced = referencedNames(fields);
	return fields.filter((property) => SELECTOR_TYPES.has(property.type) && referenced.has(property.name));
}

function choicesOf(property) {
	if (property.type === 'boolean') return [property.default === true, property.default !== true];
	if (property.typeOptions?.loadOptionsMethod) return [];
	const values = property.options.map((option) => option.value).filter((value) => !isEditorOption(value));
	return property.type === 'multiOptions' ? values.map((value) => [value]) : values;
}

/**
 * The values of selectors among `fields` that show every field at least once:
 * every value of a selector that other selectors depend on (resource, then
 * operation) is combined with what follows; independent selectors are covered
 * side by side (state i takes each one's i-th value) instead of multiplied.
 */
function selectorStates(view, fields, root) {
	const selectors = selectorsOf(fields);
	const dependedOn = new Set(
		selectors.flatMap((selector) => [
			...Object.keys(selector.displayOptions?.show ?? {}),
			...Object.keys(selector.displayOptions?.hide ?? {}),
		]),
	);
	const walk = (fixed) => {
		const values = valuesOf(view, fields, fixed);
		const open = selectors.filter(
			(selector) => !(selector.name in fixed) && isShown(view, selector, values, root ?? values) && choicesOf(selector).length > 0,
		);
		if (open.length === 0) return [fixed];
		const chain = open.find((selector) => dependedOn.has(selector.name));
		if (chain) return choicesOf(chain).flatMap((choice) => walk({ ...fixed, [chain.name]: choice }));
		const width = Math.max(...open.map((selector) => choicesOf(selector).length));
		return Array.from({ length: width }, (_, index) =>
			Object.fromEntries([
				...Object.entries(fixed),
				...open.map((selector) => {
					const choices = choicesOf(selector);
					return [selector.name, choices[index % choices.length]];
				}),
			]),
		);
	};
	return walk({});
}

/** The versions of a node type: a user adds the newest, saved workflows keep the older ones. */
function versionsOf(type) {
	return [type.version].flat();
}

/** Every field a node type declares, nested ones too, with where it is: the fields a walk must reach. */
function* fieldsOf(properties, path = '') {
	for (const property of properties) {
		if (property.type === 'hidden') continue;
		yield { property, where: `${path}${property.displayName} (${property.name})` };
		const within = `${path}${property.displayName} → `;
		if (property.type === 'collection') yield* fieldsOf(property.options ?? [], within);
		if (property.type === 'fixedCollection') {
			for (const group of property.options ?? []) yield* fieldsOf(group.values ?? [], `${within}${group.displayName} → `);
		}
	}
}

// The editor, driven as a user would

/**
 * Opens a node's panel by its route, without reloading the editor. The editor
 * then shortens the node's id in the route to its shortest unique beginning
 * (six characters or more), and finds a node by such a beginning.
 */
async function openNode({ nodeId, name }) {
	await page.evaluate(async (path) => {
		const app = /** @type {Element & { __vue_app__: any }} */ (document.querySelector('#app'));
		const router = app.__vue_app__.config.globalProperties.$router;
		await router.push(path);
	}, `/workflow/${workflowId}/${nodeId}`);
	await page.waitForFunction(
		(id, title) => {
			const routed = location.pathname.split('/').at(-1);
			const shown = document.querySelector('[data-test-id="ndv"] [data-test-id="node-title-container"] [data-test-id="inline-edit-preview"]')?.textContent.trim();
			return routed !== '' && id.startsWith(routed) && shown === title && document.querySelector('[data-test-id="ndv"] [data-test-id="node-parameters"]');
		},
		{ timeout: 20_000 },
		nodeId,
		name,
	);
	await sleep(300);
}

/** Closes an open dropdown; Escape without one would close the whole panel. */
export async function closeMenus() {
	// An empty dropdown ("No data") is open too, though it has no entries.
	const open = await page.$$eval(`${MENU_ENTRIES}, .el-select-dropdown`, (elements) =>
		elements.some((element) => element.offsetParent !== null && element.getBoundingClientRect().height > 0),
	);
	if (!open) return;
	await page.keyboard.press('Escape');
	await sleep(150);
}

/** Texts of the visible entries of the dropdown that is open now. */
async function openMenuEntries(selector = '.el-select-dropdown__item') {
	return await page.$$eval(selector, (elements) =>
		elements.filter((element) => element.offsetParent !== null).map((element) => element.innerText.trim().split('\n')[0]),
	);
}

/** The entries of the dropdown that opens, once loaded (or none, once it says it has none). */
async function waitForMenu(selector = '.el-select-dropdown__item', timeout = 10_000) {
	const start = Date.now();
	for (;;) {
		const entries = await openMenuEntries(selector);
		const state = await page.$$eval('.el-select-dropdown, .el-popper', (elements) => {
			const shown = elements.filter((element) => element.offsetParent !== null);
			return {
				loading: shown.some((element) => /Loading/i.test(element.innerText)),
				empty: shown.some((element) => element.querySelector('.el-select-dropdown__empty')?.offsetParent),
				error: shown.map((element) => element.innerText).find((text) => /error|could not/i.test(text)),
			};
		});
		if (state.error) return { entries, error: state.error.trim().slice(0, 200) };
		if ((entries.length > 0 || state.empty) && !state.loading) return { entries };
		if (Date.now() - start > timeout) return { entries };
		await sleep(150);
	}
}

/** Clicks the shown dropdown entry named `name` (found in the page, in one step). */
async function clickMenuEntry(name, selector = '.el-select-dropdown__item') {
	const clicked = await page.$$eval(
		selector,
		(elements, wanted) => {
			const entry = elements.find(
				(element) => element.offsetParent !== null && element.innerText.trim().split('\n')[0] === wanted,
			);
			entry?.click();
			return Boolean(entry);
		},
		name,
	);
	if (clicked) await sleep(200);
	return clicked;
}

/** The first element matching `selector` inside `scope` that is shown. */
async function shownIn(scope, selector) {
	for (const handle of await scope.$$(selector)) {
		if (await handle.evaluate((element) => element.offsetParent !== null && element.getBoundingClientRect().width > 0)) return handle;
	}
	return undefined;
}

/** The element of a field inside `scope`: its input, or the parameter item whose label names it. */
async function findField(scope, property) {
	const input = await shownIn(scope, `[data-test-id="parameter-input-${property.name}"]`);
	if (input) return input;
	const item = await scope.evaluateHandle((element, displayName) => {
		const items = element.querySelectorAll('[data-test-id="parameter-item"], .multi-parameter, [class*="parameterItem"], [class*="fixedCollection"]');
		return [...items].find((candidate) => {
			const label = candidate.querySelector('label, [data-test-id="input-label"]')?.innerText ?? '';
			return label.replace(/\*/g, '').trim().split('\n')[0].trim() === displayName;
		});
	}, property.displayName);
	return (await item.evaluate((element) => element !== undefined)) ? item.asElement() : undefined;
}

/**
 * The element of a field inside the element `scope()` gives, looked up afresh
 * (the editor re-renders the panel when a value changes), waiting a moment for it.
 */
async function fieldElement(scope, property, waitMs = 3_000) {
	const start = Date.now();
	for (;;) {
		const within = await scope();
		const found = within && (await findField(within, property));
		if (found || Date.now() - start > waitMs) return found;
		await sleep(200);
	}
}

function optionNames(view, property, values) {
	return (property.options ?? [])
		.filter((option) => !isEditorOption(option.value) && (!option.displayOptions || isShown(view, option, values, view.root)))
		.map((option) => option.name ?? option.displayName);
}

/** Types `text` into the field's input; the field is looked up again after, as the editor may re-render it. */
async function typeInto(find, text) {
	const inputOf = async () => (await find())?.$('input:not([type="hidden"]), textarea');
	const input = await inputOf();
	if (!input) return 'has no text input';
	if (await input.evaluate((field) => field.disabled || field.readOnly)) return 'is read-only';
	await input.click({ clickCount: 3 });
	await page.keyboard.type(text);
	await page.keyboard.press('Tab');
	await sleep(150);
	const value = (await (await inputOf())?.evaluate((field) => field.value)) ?? '';
	return value.includes(text) ? undefined : `took "${value}" after typing "${text}"`;
}

/** Fields already given a value in an earlier state of the same operation: later states check they are rendered. */
const setFields = new Set();

/** Collections already opened option by option: in a later state, only their list of options is checked. */
const openedCollections = new Set();

const SAMPLE_TEXT = { number: '3', dateTime: '2026-01-31', string: 'abc' };

/** Whether a value is a `$fromAI()` expression (a resource locator's too): a field a tool's model fills. */
function isModelFilled(value) {
	const text = typeof value === 'object' && value !== null && '__rl' in value ? value.value : value;
	return typeof text === 'string' && text.startsWith('=') && text.includes('$fromAI(');
}

/** Counts what a walk did; `what` names it in the report. */
function count(view, what) {
	view.walk.counts[what] = (view.walk.counts[what] ?? 0) + 1;
}

/**
 * Checks that one field is rendered and takes a value; returns the problems.
 * `values` are the values of the fields beside it (the node's, or those of a
 * fixed collection's entry), for the display rules of its options.
 */
async function checkField(view, scope, property, values, path) {
	const where = `${path}${property.displayName} (${property.name})`;
	if (property.type === 'notice') {
		const text = (await (await scope())?.evaluate((element) => element.innerText)) ?? '';
		if (!text.includes(property.displayName.slice(0, 40))) return [`${where}: the notice is not shown`];
		view.walk.checked.add(property);
		count(view, 'notices read');
		return [];
	}
	const element = await fieldElement(scope, property);
	if (!element) return [`${where}: is not rendered`];
	view.walk.checked.add(property);
	const self = async () => await fieldElement(scope, property);
	const { type, node, root } = view;
	const key = JSON.stringify([type.name, node.typeVersion, root.resource, root.operation, where]);
	if (setFields.has(key) && !['collection', 'fixedCollection'].includes(property.type)) {
		count(view, 'rendered again');
		return [];
	}
	setFields.add(key);
	if (isModelFilled(values[property.name])) {
		// n8n's editor reserves `parameters.description` of a tool (once its own tools' description):
		// it offers no "defined by the model" mark there and renders the field its own way.
		if (path === '' && property.name === 'description') {
			count(view, 'defined by the model, unmarked by n8n');
			return [];
		}
		// A tool's field the model fills ($fromAI): the editor shows that instead of an input.
		count(view, 'defined by the model');
		return (await element.$('[data-test-id="fromAI-override-field"]')) ? [] : [`${where}: does not show that the model defines it`];
	}
	switch (property.type) {
		case 'string':
		case 'number':
		case 'dateTime': {
			if (property.typeOptions?.loadOptionsMethod) break;
			const problem = await typeInto(self, SAMPLE_TEXT[property.type]);
			count(view, 'typed');
			return problem ? [`${where}: ${problem}`] : [];
		}
		case 'boolean': {
			const toggle = await element.$('.el-switch');
			if (!toggle) return [`${where}: has no switch`];
			const before = await toggle.evaluate((node) => node.classList.contains('is-checked'));
			await toggle.click();
			await sleep(150);
			const after = await toggle.evaluate((node) => node.classList.contains('is-checked'));
			if (after !== before) await toggle.click();
			await sleep(150);
			count(view, 'switches flipped');
			return after === before ? [`${where}: the switch does not flip`] : [];
		}
		case 'options':
		case 'multiOptions': {
			await (await element.$('input') ?? element).click();
			const loads = Boolean(property.typeOptions?.loadOptionsMethod);
			const { entries, error } = await waitForMenu('.el-select-dropdown__item', loads ? 10_000 : 2_000);
			const problems = [];
			count(view, 'dropdowns opened');
			if (loads) {
				// A list that depends on other fields may be empty (a template without parameters); one that does not, may not.
				const independent = !property.typeOptions.loadOptionsDependsOn?.length;
				if (error) problems.push(`${where}: the dropdown shows "${error}"`);
				else if (entries.length === 0 && independent) problems.push(`${where}: the dropdown loaded nothing from the sandbox`);
				else if (entries.length > 0) {
					await clickMenuEntry(entries[0]);
					count(view, 'lists loaded from the sandbox');
				}
			} else {
				const missing = optionNames(view, property, values).filter((name) => !entries.includes(name));
				if (missing.length > 0) problems.push(`${where}: the dropdown lacks ${missing.join(', ')}`);
			}
			await closeMenus();
			return problems;
		}
		case 'resourceLocator': {
			const search = await element.$('[data-test-id="rlc-input"]');
			if (!search) return [`${where}: has no input`];
			const modes = (property.modes ?? []).map((mode) => mode.name);
			count(view, 'resource locators set');
			if (!modes.includes('list')) return typeInto(self, '1').then((problem) => (problem ? [`${where}: ${problem}`] : []));
			await search.click();
			const { entries, error } = await waitForMenu('[data-test-id="rlc-item"]');
			if (error || entries.length === 0) {
				await closeMenus();
				return [`${where}: the list loaded ${error ? `an error: "${error}"` : 'nothing from the sandbox'}`];
			}
			await clickMenuEntry(entries[0], '[data-test-id="rlc-item"]');
			await closeMenus();
			count(view, 'lists loaded from the sandbox');
			return [];
		}
		case 'collection':
			return await checkCollection(view, self, property, values, where);
		case 'fixedCollection':
			return await checkFixedCollection(view, self, property, where);
		default:
			count(view, 'rendered only');
			return [];
	}
	return [];
}

/** A collection offers every option that may be shown, and renders each one once added. */
async function checkCollection(view, scope, property, values, where) {
	const element = await scope();
	const shown = (property.options ?? []).filter((option) => !option.displayOptions || isShown(view, option, values, view.root));
	// Options the value already holds (a tool's defaults for its model) are rendered, not offered.
	const held = values[property.name] ?? {};
	const problems = [];
	for (const option of shown.filter((candidate) => candidate.name in held)) {
		problems.push(...(await checkField(view, scope, option, held, `${where} → `)));
	}
	const expected = shown.filter((option) => !(option.name in held));
	if (expected.length === 0) return problems;
	const add = await shownIn(element, '[data-test-id="collection-parameter-add"]');
	if (!add) return [...problems, `${where}: has no add button`];
	await add.click();
	const { entries: offered } = await waitForMenu('[data-test-id="collection-parameter-option"]', 1_500);
	await closeMenus();
	// With a single option the button adds it at once, without a list.
	if (offered.length === 0 && expected.length === 1 && (await fieldElement(scope, expected[0], 500))) {
		count(view, 'collection options added');
		return [...problems, ...(await checkField(view, scope, expected[0], values, `${where} → `))];
	}
	const missing = expected.map((option) => option.displayName).filter((name) => !offered.includes(name));
	if (missing.length > 0) problems.push(`${where}: does not offer ${missing.join(', ')}`);
	const { type, node, root } = view;
	const key = JSON.stringify([type.name, node.typeVersion, where, expected.map((option) => option.name), root.resource, root.operation]);
	if (openedCollections.has(key)) return problems;
	openedCollections.add(key);
	for (const option of expected.filter((candidate) => offered.includes(candidate.displayName))) {
		const button = await shownIn(await scope(), '[data-test-id="collection-parameter-add"]');
		if (!button) break;
		await button.click();
		await waitForMenu('[data-test-id="collection-parameter-option"]', 1_500);
		await clickMenuEntry(option.displayName, '[data-test-id="collection-parameter-option"]');
		await closeMenus();
		count(view, 'collection options added');
		problems.push(...(await checkField(view, scope, option, values, `${where} → `)));
	}
	return problems;
}

/**
 * The entries of one group of the fixed collection `box`: its own, not those
 * of a fixed collection inside it (run in the page).
 */
function groupEntries(box, label, multipleGroups) {
	const ownGroups = [...box.querySelectorAll('[class*="_fixedCollectionParameterProperty_"]')].filter(
		(group) => group.closest('[class*="_fixedCollectionParameter_"]') === box,
	);
	// Several groups: each is headed by its name.
	const group = multipleGroups ? ownGroups.find((candidate) => candidate.querySelector('label')?.innerText.trim() === label) : ownGroups[0];
	const items = group ? [...group.querySelectorAll('[class*="_parameterItem_"]')].filter((item) => item.closest('[class*="_fixedCollectionParameterProperty_"]') === group) : [];
	return items.filter((item) => !items.some((other) => other !== item && other.contains(item)));
}

/** The fixed collection's own control that adds an entry: a button, or a list of groups (run in the page). */
function ownAddControl(box) {
	return [...box.querySelectorAll('[data-test-id="fixed-collection-add"], [class*="_addOption_"] input')].find((control) => {
		const item = control.closest('[class*="_parameterItem_"]');
		return control.closest('[class*="_fixedCollectionParameter_"]') === box && (!item || item.contains(box));
	});
}

/** Chooses `value` in the selector `property` of the entry `scope()` gives, as a user picks it. */
async function choose(view, scope, property, value, where) {
	const element = await fieldElement(scope, property);
	if (!element) return [`${where}${property.displayName} (${property.name}): is not rendered`];
	count(view, 'values chosen');
	if (property.type === 'boolean') {
		const toggle = await element.$('.el-switch');
		if (toggle && (await toggle.evaluate((node) => node.classList.contains('is-checked'))) !== value) await toggle.click();
		await sleep(150);
		return [];
	}
	const wanted = [value].flat()[0];
	const name = property.options.find((option) => option.value === wanted)?.name;
	await (await element.$('input') ?? element).click();
	await waitForMenu('.el-select-dropdown__item', 2_000);
	const clicked = await clickMenuEntry(name);
	await closeMenus();
	return clicked ? [] : [`${where}${property.displayName} (${property.name}): ${name} cannot be chosen`];
}

/**
 * A fixed collection adds an entry of each group; in it, every value of the
 * group's selectors is chosen in turn and the fields each one shows are checked.
 */
async function checkFixedCollection(view, scope, property, where) {
	const problems = [];
	const box = async () => await (await scope())?.$(`[data-test-id="fixed-collection-${property.name}"]`);
	const multipleGroups = (property.options ?? []).length > 1;
	for (const group of property.options ?? []) {
		const inGroup = `${where} → ${group.displayName} → `;
		const entries = async () => await (await box())?.evaluateHandle(groupEntries, group.displayName, multipleGroups);
		const before = (await (await entries())?.evaluate((items) => items.length)) ?? 0;
		const add = (await (await box())?.evaluateHandle(ownAddControl))?.asElement();
		// Without multiple values an entry, once there, has no add control.
		if (add) {
			await add.click();
			await sleep(200);
			if (multipleGroups) {
				await waitForMenu('.el-select-dropdown__item', 1_500);
				if (!(await clickMenuEntry(group.displayName))) problems.push(`${where}: does not offer ${group.displayName}`);
				await closeMenus();
			}
		}
		const entry = async () => (await (await entries())?.evaluateHandle((items) => items.at(-1)))?.asElement() ?? undefined;
		const after = (await (await entries())?.evaluate((items) => items.length)) ?? 0;
		if (add ? after !== before + 1 : after === 0) {
			problems.push(add ? `${where}: adding ${group.displayName} shows ${after - before} new entries` : `${where}: has no ${group.displayName} and no add button`);
			continue;
		}
		if (add) count(view, 'fixed collection entries added');
		for (const state of selectorStates(view, group.values ?? [], view.root)) {
			const values = valuesOf(view, group.values, state);
			for (const [name, value] of Object.entries(state)) {
				const selector = group.values.find((field) => field.name === name && isShown(view, field, values, view.root));
				problems.push(...(await choose(view, entry, selector, value, inGroup)));
			}
			for (const field of group.values ?? []) {
				if (!isShown(view, field, values, view.root)) continue;
				problems.push(...(await checkField(view, entry, field, values, inGroup)));
			}
		}
	}
	return problems;
}

/** Checks every field one node (one state) shows; returns the problems. */
async function checkState(view, state) {
	await openNode(state);
	const panel = async () => await page.$('[data-test-id="ndv"] [data-test-id="node-parameters"]');
	const problems = [];
	for (const property of walkedIn(view.type)) {
		if (!isShown(view, property, view.root)) continue;
		problems.push(...(await checkField(view, panel, property, view.root, '')));
	}
	return problems;
}

/**
 * The fields a walk of `type` checks: a node's own, and of the tool n8n makes
 * of it only the fields that differ (shown only in one variant); the node's
 * walk checks the others.
 */
function walkedIn(type) {
	const conditional = (property) => ['show', 'hide'].some((rule) => property.displayOptions?.[rule]?.['@tool'] !== undefined);
	return type.properties.filter(
		(property) => !onlyInTheOtherVariant(type, property) && (!type.name.endsWith('Tool') || conditional(property)),
	);
}

/**
 * The nodes that show every field of a node type, in each of its versions:
 * `{ nodeId, name, typeVersion, parameters }`.
 */
export function nodeStates(type) {
	const short = type.name.split('.').at(-1);
	return versionsOf(type)
		.flatMap((typeVersion) =>
			selectorStates({ type, node: { typeVersion } }, type.properties).map((parameters) => ({ typeVersion, parameters })),
		)
		.map((state, index) => ({ nodeId: `${short}-${index}`, name: `${type.displayName} ${index + 1}`, ...state }));
}

/**
 * Whether n8n shows `property` only in the tool it makes of the node (`@tool`
 * true) while `type` is the node, or only in the node while `type` is the
 * tool: the other variant's walk checks it.
 */
function onlyInTheOtherVariant(type, property) {
	const isTool = type.name.endsWith('Tool');
	const { show, hide } = property.displayOptions ?? {};
	return (show?.['@tool'] !== undefined && !show['@tool'].includes(isTool)) || hide?.['@tool']?.includes(isTool) === true;
}

/**
 * Checks every node of `states` (from nodeStates()) in the editor: the problems
 * found, what was done (`counts`), and how many of the type's fields were reached.
 */
export async function checkNode(type, states) {
	const walk = { checked: new Set(), counts: {} };
	const problems = [];
	for (const state of states) {
		const node = { typeVersion: state.typeVersion };
		const view = { type, node, root: valuesOf({ type, node }, type.properties, state.parameters), walk };
		const label = [versionsOf(type).length > 1 ? `v${state.typeVersion}` : '', ...Object.entries(state.parameters).map(([name, value]) => `${name}=${JSON.stringify(value)}`)]
			.filter(Boolean)
			.join(', ');
		for (const problem of await checkState(view, state)) problems.push(`[${label || 'defaults'}] ${problem}`);
	}
	// A field no state showed was never checked: say so, rather than pass without it.
	const fields = [...fieldsOf(walkedIn(type))];
	for (const { property, where } of fields) {
		if (!walk.checked.has(property)) problems.push(`${where}: shown in no state the walk opened ${JSON.stringify(property.displayOptions ?? {})}`);
	}
	return { problems, counts: { states: states.length, fields: fields.length, checked: walk.checked.size, ...walk.counts } };
}
