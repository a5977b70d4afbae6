/**
 * What a tool answers the AI agent. n8n ends the whole agent run when a tool
 * node fails (unless the user set its On Error to Continue, and then the model
 * gets the bare message): in tool mode the door answers a failure instead,
 * with the error and what to do about it, so that the model can correct its
 * call and the run goes on. Nothing is sent after a failed check. Answers also
 * say when a write was not repeated and how long the rate limit made the tool
 * wait.
 */
import {
	NodeApiError,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { guardRepeat } from './repeatGuard';
import { waitedMsOf } from './send';
import { isToolNode } from './toolUse';

type PreSend = (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/** A check that failed before sending, carried on the request to the door's hook. */
const FAILED_CHECK = Symbol('failedCheck');

type CheckedRequest = IHttpRequestOptions & { [FAILED_CHECK]?: unknown };

/** Errors the model can act on: bad values and the service's refusals, not a cancelled run. */
function isAnswerable(error: unknown): error is NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError;
}

/**
 * A preSend step that, in tool mode, keeps its failure on the request instead
 * of throwing it (n8n would end the run before the door's hook could answer);
 * the steps after a failure do nothing.
 */
function keptForTool(preSend: PreSend): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions: CheckedRequest): Promise<IHttpRequestOptions> {
		if (requestOptions[FAILED_CHECK] !== undefined) return requestOptions;
		let failure: unknown;
		try {
			return await preSend.call(this, requestOptions);
		} catch (error) {
			failure = error;
		}
		if (!isToolNode(this) || !isAnswerable(failure)) throw failure;
		return { ...requestOptions, [FAILED_CHECK]: failure } as CheckedRequest;
	};
}

type Choice = INodePropertyOptions | INodeProperties | INodePropertyCollection;

function withKeptChecks<T extends Choice>(choice: T): T {
	const copy = { ...choice } as T & { routing?: INodeProperties['routing']; options?: Choice[]; values?: INodeProperties[] };
	const preSend = copy.routing?.send?.preSend;
	if (preSend) copy.routing = { ...copy.routing, send: { ...copy.routing!.send, preSend: preSend.map(keptForTool) } };
	if (Array.isArray(copy.options)) copy.options = copy.options.map(withKeptChecks);
	if (Array.isArray(copy.values)) copy.values = copy.values.map(withKeptChecks);
	return copy;
}

/** The properties with every check of theirs (preSend steps, at any depth) answered to the model in tool mode. */
export function checksAnsweredInToolMode(properties: INodeProperties[]): INodeProperties[] {
	return properties.map(withKeptChecks);
}

/** The key of the first `$fromAI()` in a parameter's value: the argument the model filled it with. */
const FROM_AI_KEY = /\$fromAI\(\s*\\?['"`]([\w-]+)/;

/**
 * The argument the model gave for the field a check names (its message starts
 * with the field's name), or undefined when the user set that field in the node.
 */
function argumentOf(context: IExecutePaginationFunctions, fields: INodeProperties[], message: string): string | undefined {
	const parameters = context.getNode().parameters;
	const labelled = fields.flatMap((field) => [
		[field.displayName, parameters[field.name]] as const,
		...((field.options ?? []) as INodeProperties[])
			.filter((option) => option.displayName !== undefined)
			.map((option) => [option.displayName, (parameters[field.name] as IDataObject | undefined)?.[option.name]] as const),
	]);
	const [, value] = labelled.filter(([label]) => message.startsWith(`${label} `)).sort(([a], [b]) => b.length - a.length)[0] ?? [];
	return FROM_AI_KEY.exec(JSON.stringify(value ?? ''))?.[1];
}

function errorAnswer(error: NodeApiError | NodeOperationError, argument: () => string | undefined): IDataObject {
	const answer: IDataObject = { error: error.message };
	if (error instanceof NodeApiError && error.httpCode) {
		answer.httpCode = error.httpCode;
		if (error.description) answer.whatToDo = error.description;
		return answer;
	}
	// Refused before sending: the model corrects its argument, or tells the user about the node's own setting.
	const key = argument();
	answer.whatToDo = key
		? `Correct the "${key}" argument and call the tool again.`
		: `${error.description ?? ''} This value is set in the tool's node, not by the model: tell the user.`.trim();
	return answer;
}

function seconds(ms: number): number {
	return Math.round(ms / 100) / 10;
}

/**
 * The door's answer in tool mode: the operation's items from `answer`, or
 * the failure as an item; writes guarded against repeats; a last item with
 * notes (a repeat not sent, a wait for the rate limit) when there are any.
 */
export async function answerAsTool(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	{ write, serviceName, fields }: { write: boolean; serviceName: string; fields: INodeProperties[] },
	answer: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const itemIndex = context.getItemIndex();
	const request = requestData.options as CheckedRequest;
	const notes: string[] = [];
	let items: INodeExecutionData[] = [];
	let failure = request[FAILED_CHECK];
	if (failure === undefined) {
		try {
			const guarded = write ? await guardRepeat(context, request, answer) : { items: await answer() };
			items = guarded.items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
			if (guarded.repeatedAfterMs !== undefined) {
				notes.push(
					`Not sent again: this tool sent exactly the same ${seconds(guarded.repeatedAfterMs)} s ago, and its answer is above. Change the values if something new must be sent.`,
				);
			}
		} catch (error) {
			failure = error;
		}
	}
	if (failure !== undefined) {
		if (!isAnswerable(failure)) throw failure;
		const refused = failure;
		items = [{ json: errorAnswer(refused, () => argumentOf(context, fields, refused.message)), pairedItem: { item: itemIndex } }];
		// A failed check, or a value refused before sending (no HTTP code): the service never saw it.
		if (!(failure instanceof NodeApiError && failure.httpCode)) notes.push('Nothing was sent.');
	}
	const waited = waitedMsOf(context);
	if (waited >= 1000) notes.push(`Waited ${seconds(waited)} s for ${serviceName}'s rate limit before answering.`);
	if (notes.length) items.push({ json: { note: notes.join(' ') }, pairedItem: { item: itemIndex } });
	return items;
}
