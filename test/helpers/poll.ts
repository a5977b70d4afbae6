/**
 * Runs a polling trigger the way n8n does: one real Workflow (whose static
 * data lives across polls, as in an active workflow), one n8n-core PollContext
 * per activation, and each poll through n8n-core's own ActiveWorkflows poll
 * function, which emits the items (an execution) or reports the error (a failed
 * execution). Manual runs ("Fetch Test Event") go through n8n-core's
 * WorkflowExecute.executePollNode.
 */
import { Container } from '@n8n/di';
import { ActiveWorkflows, PollContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IPollFunctions,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import { additionalDataFor, buildWorkflow, TestCredentialsHelper, type NodeHarness } from './n8n';

export interface PollSetup {
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The static data an earlier n8n process saved (a restart). */
	staticData?: IDataObject;
	/** The workflow's time zone setting. */
	timezone?: string;
}

/** What one poll led to in n8n. */
export interface PollOutcome {
	/** The items of the execution n8n started; undefined when the poll emitted nothing. */
	items?: INodeExecutionData[];
	/** The error n8n recorded as a failed execution (and gave the error workflow). */
	error?: Error;
}

interface PollExecuteFunctions {
	createPollExecuteFn(workflow: Workflow, node: INode, pollFunctions: IPollFunctions): (testingTrigger?: boolean) => Promise<void>;
}

interface ManualPoll {
	executePollNode(
		this: unknown,
		workflow: Workflow,
		node: INode,
		nodeType: NodeHarness['nodeType'],
		additionalData: IWorkflowExecuteAdditionalData,
		mode: 'manual',
		inputData: { main: [] },
	): Promise<{ data: INodeExecutionData[][] | null }>;
}

/** One published workflow with the trigger. */
export interface ActiveTrigger {
	workflow: Workflow;
	/** The first poll, at publishing: an error fails the activation (it is thrown). */
	activate(): Promise<PollOutcome>;
	/** A scheduled poll: an error becomes a failed execution. */
	poll(): Promise<PollOutcome>;
	/** The static data as n8n saves it in the database. */
	persisted(): IDataObject;
}

export function activateTrigger(harness: NodeHarness, setup: PollSetup): ActiveTrigger {
	const helper = new TestCredentialsHelper(harness.credentialTypes, { ...setup.credentials });
	const { workflow, node } = buildWorkflow(harness, setup.parameters, {
		staticData: setup.staticData && structuredClone(setup.staticData),
		settings: setup.timezone ? { timezone: setup.timezone } : undefined,
	});
	let outcome: PollOutcome = {};
	const context = new PollContext(
		workflow,
		node,
		additionalDataFor(helper),
		'trigger',
		'activate',
		(data) => {
			outcome = { items: data[0] };
		},
		(error) => {
			outcome = { error };
		},
	);
	const execute = (Container.get(ActiveWorkflows) as unknown as PollExecuteFunctions).createPollExecuteFn(workflow, node, context);
	const run = async (testingTrigger: boolean) => {
		outcome = {};
		await execute(testingTrigger);
		return outcome;
	};
	return {
		workflow,
		activate: async () => await run(true),
		poll: async () => await run(false),
		persisted: () => {
			const { __dataChanged: _changed, ...data } = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			return data;
		},
	};
}

/** "Fetch Test Event" in the editor: a manual run of the poll node; an error is thrown to the editor. */
export async function fetchTestEvent(
	harness: NodeHarness,
	setup: PollSetup,
): Promise<{ items?: INodeExecutionData[]; staticData: IDataObject }> {
	const helper = new TestCredentialsHelper(harness.credentialTypes, { ...setup.credentials });
	const { workflow, node } = buildWorkflow(harness, setup.parameters, { staticData: setup.staticData && structuredClone(setup.staticData) });
	const additionalData: IWorkflowExecuteAdditionalData = additionalDataFor(helper);
	// Private in n8n-core's types; it is the function n8n runs for a manual poll.
	const { executePollNode } = WorkflowExecute.prototype as unknown as ManualPoll;
	const { data } = await executePollNode.call(
		undefined,
		workflow,
		node,
		harness.nodeType,
		additionalData,
		'manual',
		{ main: [] },
	);
	return { items: data?.[0] ?? undefined, staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject };
}
