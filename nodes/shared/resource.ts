import {
	updateDisplayOptions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import type { OutputRule } from './output';
import type { ListRules } from './service';
import { repeatGuardField } from './repeatGuard';
import { isRead } from './retry';
import { checksAnsweredInToolMode } from './toolAnswer';
import { toolDescriptionField, withToolArguments, type ToolUse } from './toolUse';

/** How the door turns an operation's answer into items (see door.ts). */
export type Answer =
	/** A list: page after page, Return All or Limit; `rules` override the service's paging. */
	| { kind: 'list'; rules?: Partial<ListRules> }
	/**
	 * A file: the answer's bytes go into the binary field the `property`
	 * parameter names; the `fileName` parameter names the file when the server
	 * gives no name.
	 */
	| { kind: 'binary'; property: string; fileName: string };

/** One operation file: its entry in the Operation dropdown (with routing), its fields, its answer. */
export interface OperationModule {
	option: INodePropertyOptions;
	fields: INodeProperties[];
	/** Absent: the answer body's objects, one item each ({ success: true } for an empty body). */
	answer?: Answer;
	/** Optional: readable values and the Simplify set of the answer's objects (see output.ts); the door applies it. */
	output?: OutputRule;
	/** How the operation reads to an AI agent when the node runs as a tool (see toolUse.ts). */
	tool?: ToolUse;
}

/** A resource: its node properties, and its operations by value for the door. */
export interface ResourceModule {
	name: string;
	properties: INodeProperties[];
	operations: Record<string, OperationModule>;
}

/** Whether the operation changes something (its request is not a read). */
export function isWrite(operation: OperationModule): boolean {
	return !isRead(operation.option.routing?.request?.method);
}

/** A list operation, paged by the door: Return All or Limit. */
export function listAnswer(rules?: Partial<ListRules>): Answer {
	return { kind: 'list', rules };
}

/** The Operation dropdown of a resource and the fields of each operation, shown only for it. */
export function defineResource(
	resource: string,
	operations: OperationModule[],
	defaultOperation = String(operations[0].option.value),
): ResourceModule {
	const options = operations
		.map((operation) => operation.option)
		.sort((a, b) => a.name.localeCompare(b.name));
	return {
		name: resource,
		operations: Object.fromEntries(operations.map((operation) => [String(operation.option.value), operation])),
		properties: checksAnsweredInToolMode([
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [resource] } },
				options,
				default: defaultOperation,
			},
			...operations.flatMap((operation) =>
				updateDisplayOptions({ show: { resource: [resource], operation: [operation.option.value as string] } }, [
					toolDescriptionField(operation.option, operation.tool),
					...withToolArguments(operation.fields, operation.tool),
					...(isWrite(operation) ? [repeatGuardField] : []),
				]),
			),
		]),
	};
}

