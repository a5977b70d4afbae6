/**
 * How an operation reads to an AI agent when n8n runs the node as a tool (the
 * "Desk360 Tool" and "Sendbird Desk Tool" n8n makes of `usableAsTool` nodes):
 * the tool's description, and the fields the model fills. n8n builds the
 * tool's JSON schema from the `$fromAI()` expressions in the node's
 * parameters; its editor writes them with an empty description, so in tool
 * mode the fields the model should fill default to expressions that say what
 * to put there, in which type, with which values. Fields shown only in tool
 * mode use n8n's `@tool` display condition.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** One value the model gives: a `$fromAI()` argument of the tool's schema. */
export interface ToolArgument {
	/** The argument's name in the schema: letters, digits, `_` and `-`. */
	key: string;
	/** What to put there: meaning, format, allowed values, where the model finds it. */
	description: string;
	type: 'string' | 'number' | 'boolean';
	/** Absent: the model must give it. Present: the model may leave it out, and this is used. */
	default?: string | number | boolean;
}

export interface ToolUse {
	/** When to use the tool and what it returns, as the model reads it. */
	description: string;
	/**
	 * The fields the model fills, by parameter: a top-level field (`ticketId`,
	 * `message`) or an option of a collection (`filters.email`). Every other
	 * field keeps what the user sets in the node.
	 */
	arguments?: Record<string, ToolArgument>;
}

/** Shown only when n8n runs the node as a tool. */
const TOOL_ONLY = { '@tool': [true] };

/** Marks n8n's editor shows for a value "defined automatically by the model". */
const MODEL_MARK = '/*n8n-auto-generated-fromAI-override*/';

/** The argument as a quoted JavaScript string n8n's `$fromAI()` parser reads back as it is. */
function quoted(text: string): string {
	return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/** The expression that asks the model for `argument`. */
export function fromAI(argument: ToolArgument): string {
	const defaultValue = argument.default === undefined ? '' : `, ${JSON.stringify(argument.default)}`;
	return `={{ ${MODEL_MARK} $fromAI('${argument.key}', ${quoted(argument.description)}, '${argument.type}'${defaultValue}) }}`;
}

function hiddenForTools(field: INodeProperties): INodeProperties {
	return { ...field, displayOptions: { ...field.displayOptions, hide: { ...field.displayOptions?.hide, ...TOOL_ONLY } } };
}

function shownForTools(field: INodeProperties, value: INodeProperties['default']): INodeProperties {
	return { ...field, default: value, displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, ...TOOL_ONLY } } };
}

/** The field's default in tool mode: the model's values where it fills the field or options of it. */
function toolDefault(field: INodeProperties, own: ToolArgument | undefined, options: Array<[string, ToolArgument]>): INodeProperties['default'] {
	if (own && field.type === 'resourceLocator') return { __rl: true, mode: 'id', value: fromAI(own) };
	if (own) return fromAI(own);
	const values: IDataObject = { ...(field.default as IDataObject) };
	for (const [name, argument] of options) values[name] = fromAI(argument);
	return values as INodeProperties['default'];
}

/**
 * The operation's fields for both modes: each field the model fills twice,
 * as the user's field (hidden in tool mode) and as the tool's (shown only in
 * tool mode, its default asking the model). Both send the same way.
 */
export function withToolArguments(fields: INodeProperties[], tool: ToolUse | undefined): INodeProperties[] {
	const byField = new Map<string, Array<[string | undefined, ToolArgument]>>();
	for (const [path, argument] of Object.entries(tool?.arguments ?? {})) {
		const [field, option] = path.split('.');
		byField.set(field, [...(byField.get(field) ?? []), [option, argument]]);
	}
	const unknown = [...byField.keys()].filter((name) => !fields.some((field) => field.name === name));
	// A developer's mistake, caught by the description tests.
	if (unknown.length) throw new Error(`Tool arguments for fields the operation does not have: ${unknown.join(', ')}`);
	return fields.flatMap((field) => {
		const entries = byField.get(field.name);
		if (!entries) return [field];
		const own = entries.find(([option]) => option === undefined)?.[1];
		const options = entries.filter((entry): entry is [string, ToolArgument] => entry[0] !== undefined);
		return [hiddenForTools(field), shownForTools(field, toolDefault(field, own, options))];
	});
}

/**
 * The Tool Description field of an operation, shown only in tool mode. n8n
 * uses a node's own `toolDescription` as the tool's description (and then
 * adds no "Set Automatically" choice of its own, which would say no more than
 * the operation's name).
 */
export function toolDescriptionField(option: INodePropertyOptions, tool: ToolUse | undefined): INodeProperties {
	const description = tool?.description ?? `${option.action ?? option.name}. ${option.description ?? ''}`.trim();
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: description,
		description:
			'What the AI agent reads about this tool: when to use it and what it returns. A specific description helps the model pick the right tool.',
		displayOptions: { show: TOOL_ONLY },
	};
}

/** Whether n8n runs the node as a tool: it then names the node type `<name>Tool`. */
export function isToolNode(context: { getNode(): { type: string } }): boolean {
	return context.getNode().type.endsWith('Tool');
}
