/**
 * Runs our nodes through n8n-core's own engine: a real Workflow, ExecuteContext
 * and RoutingNode (or LoadOptionsContext for dropdowns), with a credentials
 * helper that applies credentials the way n8n's CredentialsHelper does.
 */
import { Container } from '@n8n/di';
import { ExecuteContext, LoadOptionsContext, RoutingNode } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import * as requestHelpers from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IExecuteData,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
} from 'n8n-workflow';

// n8n-core starts a 60-second cleanup interval with every execution context:
// stopped after each test file that uses the engine (the others need not load it).
afterAll(() => Container.get(SSHClientsManager).onShutdown());

/** Credentials as n8n stores them: a fresh copy on each read, updated by preAuthentication. */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly updates: ICredentialDataDecryptedObject[] = [];

	constructor(
		private readonly types: Record<string, ICredentialType>,
		readonly store: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types[typeName].authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const resolve = (value: string) =>
			workflow.expression.getSimpleParameterValue(node, value, 'internal', {
				$credentials: credentials,
			}) as string;
		const { headers = {}, qs = {} } = authenticate.properties as {
			headers?: Record<string, string>;
			qs?: Record<string, string>;
		};
		for (const [key, value] of Object.entries(headers)) {
			requestOptions.headers = { ...requestOptions.headers, [key]: resolve(value) };
		}
		for (const [key, value] of Object.entries(qs)) {
			requestOptions.qs = { ...requestOptions.qs, [key]: resolve(value) };
		}
		return requestOptions;
	}

	/** As n8n: call the credential's preAuthentication when its expirable field is empty or expired. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types[typeName];
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const updated = Object.assign(credentials, output) as ICredentialDataDecryptedObject;
		this.store[typeName] = { ...updated };
		this.updates.push({ ...updated });
		return updated;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store[type];
		if (!stored) throw new Error(`no test credentials of type ${type}`);
		return { ...stored };
	}

	async updateCredentials(
		_nodeCredentials: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type].properties;
	}
}

export interface NodeHarness {
	nodeType: INodeType;
	credentialTypes: Record<string, ICredentialType>;
}

export interface RunSetup {
	parameters: INodeParameters;
	/** Input items; one empty item when absent. */
	items?: INodeExecutionData[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The execution's cancel signal (n8n aborts it when the execution is cancelled). */
	signal?: AbortSignal;
	/** The workflow's settings (its time zone, ...). */
	settings?: IWorkflowSettings;
}

/** What a workflow holds beside its node: the node's version, the workflow's static data and settings. */
export interface WorkflowOptions {
	typeVersion?: number;
	staticData?: IDataObject;
	settings?: IWorkflowSettings;
}

export function buildWorkflow(
	harness: NodeHarness,
	parameters: INodeParameters,
	{ typeVersion = 1, staticData, settings }: WorkflowOptions = {},
) {
	const { nodeType } = harness;
	const node: INode = {
		id: 'node-under-test',
		name: nodeType.description.defaults.name ?? nodeType.description.displayName,
		type: `n8n-nodes-helpdesk.${nodeType.description.name}`,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(
			(nodeType.description.credentials ?? []).map((credential) => [
				credential.name,
				{ id: `${credential.name}-id`, name: credential.name },
			]),
		),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData,
		settings,
	});
	// Read the node back: the Workflow fills in parameter defaults.
	return { workflow, node: workflow.getNode(node.name)! };
}

/** Each run is an execution of its own, as in n8n. */
let executions = 0;

export function additionalDataFor(helper: TestCredentialsHelper): IWorkflowExecuteAdditionalData {
	return {
		executionId: `test-execution-${++executions}`,
		credentialsHelper: helper,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		currentNodeExecutionIndex: 0,
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunResult {
	items: INodeExecutionData[];
	credentialsHelper: TestCredentialsHelper;
}

/** Executes the node once over the input items, exactly as n8n runs a declarative node. */
export async function runNode(harness: NodeHarness, setup: RunSetup): Promise<RunResult> {
	const helper = new TestCredentialsHelper(harness.credentialTypes, { ...setup.credentials });
	const { workflow, node } = buildWorkflow(harness, setup.parameters, { settings: setup.settings });
	const items = setup.items ?? [{ json: {} }];
	const inputData = { main: [items] };
	const executeData: IExecuteData = { node, data: inputData, source: null };
	const runExecutionData = {
		resultData: { runData: {} },
		executionData: { nodeExecutionStack: [], waitingExecution: {}, waitingExecutionSource: {} },
	} as unknown as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(helper),
		'manual',
		runExecutionData,
		0,
		items,
		inputData,
		executeData,
		[],
		setup.signal,
	);
	const routingNode = new RoutingNode(context, harness.nodeType);
	const output = await routingNode.runNode();
	return { items: (output?.[0] ?? []) as INodeExecutionData[], credentialsHelper: helper };
}

/** Runs a listSearch or loadOptions method of the node the way the editor asks for it. */
export async function loadOptions<T>(
	harness: NodeHarness,
	setup: Omit<RunSetup, 'items'>,
	method: (this: LoadOptionsContext, filter?: string, paginationToken?: string) => Promise<T>,
	filter?: string,
	paginationToken?: string,
): Promise<T> {
	const helper = new TestCredentialsHelper(harness.credentialTypes, { ...setup.credentials });
	const { workflow, node } = buildWorkflow(harness, setup.parameters);
	const additionalData = additionalDataFor(helper);
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, '');
	return await method.call(context, filter, paginationToken);
}

/**
 * Sends a credential's test request the way n8n's credential test does: the
 * request's expressions resolved with the credential, preAuthentication always
 * run (n8n treats a credential test as expired), then the credential applied.
 */
export async function testCredential(
	harness: NodeHarness,
	typeName: string,
	data: ICredentialDataDecryptedObject,
): Promise<unknown> {
	const type = harness.credentialTypes[typeName];
	const helper = new TestCredentialsHelper(harness.credentialTypes, { [typeName]: { ...data } });
	const { workflow, node } = buildWorkflow(harness, {});
	const credentials = { ...data };
	const resolve = (value: unknown) =>
		typeof value === 'string' && value.startsWith('=')
			? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials })
			: value;
	const helpers = { helpers: { httpRequest: requestHelpers.httpRequest } } as unknown as IHttpRequestHelper;
	await helper.preAuthentication(helpers, credentials, typeName, node, true);
	const request = Object.fromEntries(
		Object.entries(type.test!.request).map(([key, value]) => [key, resolve(value)]),
	) as unknown as IHttpRequestOptions;
	const authenticated = await helper.authenticate(credentials, typeName, { json: true, ...request }, workflow, node);
	return await requestHelpers.httpRequest(authenticated);
}
