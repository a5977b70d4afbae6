/**
 * The door: every request of a declarative node goes through here. n8n hands
 * the request it built from the operation's routing to `requestOperations.pagination`
 * (forced on for every operation by a hidden field); the door checks the
 * input, fills the URL's IDs, then sends through `sendRequest` (base URL, rate
 * gate, session token, retries, the API's errors) and turns the answer into
 * items the way the operation's `answer` says: objects, a list page by page,
 * or a file.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { downloadFile } from './download';
import { shapeOutput } from './output';
import { checkFields } from './inputChecks';
import { asObjects, collectList } from './pages';
import { fillPath, type PathIdRule } from './pathIds';
import { isWrite, type OperationModule, type ResourceModule } from './resource';
import { credentialsOf, sendRequest } from './send';
import type { ServiceDefinition } from './service';
import { answerAsTool, checksAnsweredInToolMode } from './toolAnswer';
import { isToolNode } from './toolUse';
import { invalidField, isUnsafeKey, positiveInteger } from './validation';

function operationOf(context: IExecuteSingleFunctions, operations: Map<string, OperationModule>): OperationModule {
	const resource = context.getNodeParameter('resource', '') as string;
	const operation = context.getNodeParameter('operation', '') as string;
	const module = operations.get(`${resource}:${operation}`);
	if (!module) throw invalidField(context, 'Operation', `is not an operation of ${resource}`, operation);
	return module;
}

/** The Limit of a Get Many operation, or undefined for Return All and for lists without one. */
function requestedLimit(context: IExecuteSingleFunctions): number | undefined {
	if (context.getNodeParameter('returnAll', true) === true) return undefined;
	const limit = context.getNodeParameter('limit', 50);
	const whole = positiveInteger(limit);
	if (whole === undefined) {
		throw invalidField(context, 'Limit', 'must be a whole number of at least 1', limit);
	}
	return whole;
}

/**
 * The zone the output's readable values read the service's times in: the one
 * its credential says (checked before anything is sent), else the workflow's.
 */
async function outputTimeZone(context: IExecutePaginationFunctions, service: ServiceDefinition, operation: OperationModule): Promise<string> {
	// The credential as the door read it for this item's requests: not read a second time.
	if (!operation.output?.readable || !service.timeZone) return context.getTimezone();
	return service.timeZone(context, await credentialsOf(context, service)) || context.getTimezone();
}

/** The objects as items, shaped the way the operation's `output` says (readable values, Simplify). */
function toItems(context: IExecutePaginationFunctions, operation: OperationModule, objects: IDataObject[], timeZone: string): INodeExecutionData[] {
	const itemIndex = context.getItemIndex();
	const { output } = operation;
	const shaped = output
		? shapeOutput(objects, output, {
				simplify: output.simplified !== undefined && context.getNodeParameter('simplify', false) === true,
				timeZone,
			})
		: objects;
	return shaped.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/** A binary field name the output item can take. */
function binaryFieldName(context: IExecuteSingleFunctions, parameter: string, displayName: string): string {
	const name = String(context.getNodeParameter(parameter, '') ?? '').trim();
	if (name === '') throw invalidField(context, displayName, 'is required and is empty');
	if (isUnsafeKey(name)) throw invalidField(context, displayName, 'must not be a reserved name', name);
	return name;
}

/** The answer's bytes as a binary field of the input item, keeping the item's other data. */
async function fileItem(
	context: IExecutePaginationFunctions,
	service: ServiceDefinition,
	options: IHttpRequestOptions,
	answer: { property: string; fileName: string },
	fields: INodeProperties[],
): Promise<INodeExecutionData[]> {
	const itemIndex = context.getItemIndex();
	const label = fields.find((field) => field.name === answer.property)?.displayName ?? answer.property;
	const property = binaryFieldName(context, answer.property, label);
	const file = await downloadFile(context, service, options, itemIndex);
	const fallback = String(context.getNodeParameter(answer.fileName, '')).trim().replace(/[^\w.-]+/g, '_');
	const binary = await context.helpers.prepareBinaryData(file.data, file.fileName, file.mimeType);
	// Without a file name from the server, name the file after the parameter (e.g. the media ID).
	binary.fileName ??= [fallback, binary.fileExtension].filter(Boolean).join('.');
	const input = context.getInputData();
	return [{ json: input.json, binary: { ...input.binary, [property]: binary }, pairedItem: { item: itemIndex } }];
}

/** The operation's request, answered the way its `answer` says. */
async function answerOperation(
	context: IExecutePaginationFunctions,
	service: ServiceDefinition,
	operation: OperationModule,
	options: IHttpRequestOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = context.getItemIndex();
	const { answer } = operation;
	if (answer?.kind === 'binary') return await fileItem(context, service, options, answer, operation.fields);
	const timeZone = await outputTimeZone(context, service, operation);
	if (answer?.kind === 'list') {
		const rules = { ...service.lists, ...answer.rules };
		return toItems(context, operation, await collectList(context, service, options, { rules, itemIndex, limit: requestedLimit(context) }), timeZone);
	}
	const response = await sendRequest(context, service, options, { itemIndex });
	const objects = asObjects(response.body);
	// An empty answer (204, or an empty body) still says that it worked.
	if (objects.length === 0) return [{ json: { success: true }, pairedItem: { item: itemIndex } }];
	return toItems(context, operation, objects, timeZone);
}

/** The request hook of a node: every operation's request; in tool mode answered to the model (see toolAnswer.ts). */
function requestHook(service: ServiceDefinition, operations: Map<string, OperationModule>) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const operation = operationOf(this, operations);
		const options = requestData.options as IHttpRequestOptions;
		if (!isToolNode(this)) return await answerOperation(this, service, operation, options);
		return await answerAsTool(this, requestData, { write: isWrite(operation), serviceName: service.name, fields: operation.fields }, async () =>
			await answerOperation(this, service, operation, options),
		);
	};
}

/**
 * A preSend step that runs before the operation's own: checks every parameter
 * of the operation against its field, then fills the URL's `:name` IDs.
 */
function checkAndFillPath(operations: Map<string, OperationModule>, pathIds: Record<string, PathIdRule>) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const { fields } = operationOf(this, operations);
		const present = this.getNode().parameters;
		const values: IDataObject = {};
		for (const field of fields) {
			if (field.name in present) values[field.name] = this.getNodeParameter(field.name, undefined) as IDataObject[string];
		}
		checkFields(this, fields, values, present, present);
		const url = fillPath(this, requestOptions.url, pathIds, (rule) =>
			this.getNodeParameter(rule.parameter, '', { extractValue: true }),
		);
		return { ...requestOptions, url };
	};
}

/**
 * The door of a node: its `requestOperations` and the hidden field that sends
 * every operation through them. `pathIds` says how each URL placeholder is filled.
 */
export function createDoor(service: ServiceDefinition, resources: ResourceModule[], pathIds: Record<string, PathIdRule>) {
	const operations = new Map(
		resources.flatMap((resource) =>
			Object.entries(resource.operations).map(([value, module]) => [`${resource.name}:${value}`, module] as const),
		),
	);
	const [property] = checksAnsweredInToolMode([
		{
			displayName: 'Request Hook',
			name: 'requestHook',
			type: 'hidden',
			default: true,
			// n8n calls requestOperations.pagination only for requests marked "paginate".
			routing: { send: { paginate: true, preSend: [checkAndFillPath(operations, pathIds)] } },
		},
	]);
	return { requestOperations: { pagination: requestHook(service, operations) }, property, operations };
}
