// The benchmark's workflows: the same jobs done with this package's Desk360 node
// and with n8n's own HTTP Request node (version 4.2), the way a user would build
// them without the package.
import { chainWorkflow } from '../test/e2e/harness.mjs';

export const CREDENTIAL_IDS = { desk360Api: 'benchDesk360Tok1', httpHeaderAuth: 'benchHeaderAuth1' };

const product = (id) => ({ __rl: true, mode: 'id', value: String(id) });

/** A Code node that outputs `count` items named `${prefix} 0`, `${prefix} 1`, ... */
function itemsNode(count, prefix) {
	return {
		name: 'Items',
		type: 'n8n-nodes-base.code',
		parameters: { jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { name: \`${prefix} \${i}\` } }));` },
	};
}

/** Node settings (Retry On Fail, ...) and type versions that chainWorkflow leaves at their defaults. */
function withNode(workflow, name, patch) {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	Object.assign(node, patch);
	return workflow;
}

const ticketBody = (reasonId) => ({
	email: 'bench@example.com',
	reason_id: reasonId,
	description: 'Created by the benchmark',
	status: 2,
});

// Retry On Fail as generous as n8n allows: 5 tries, 5 s apart.
const RETRY_ON_FAIL = { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 };

/** The Desk360 node creating one ticket per item, named after the item. */
function desk360CreateStep({ productId, reasonId }) {
	const body = ticketBody(reasonId);
	return {
		name: 'Job',
		type: 'desk360',
		credentialType: 'desk360Api',
		parameters: {
			resource: 'ticket',
			operation: 'create',
			product: product(productId),
			customerName: '={{ $json.name }}',
			email: body.email,
			reason: body.reason_id,
			description: body.description,
			status: body.status,
		},
	};
}

export function desk360Creates({ count, prefix, productId, reasonId }) {
	return chainWorkflow('bench: Desk360 node creates', [itemsNode(count, prefix), desk360CreateStep({ productId, reasonId })], CREDENTIAL_IDS);
}

export function desk360List({ productId }) {
	return chainWorkflow(
		'bench: Desk360 node Return All',
		[
			{
				name: 'Job',
				type: 'desk360',
				credentialType: 'desk360Api',
				executeOnce: true,
				parameters: { resource: 'ticket', operation: 'getAll', product: product(productId), returnAll: true },
			},
		],
		CREDENTIAL_IDS,
	);
}

const httpAuth = { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' };

/**
 * HTTP Request creates: one POST per item; `batching` is the node's own Batching option, if any.
 * @param {{ baseUrl: string, count: number, prefix: string, productId: number, reasonId: number, batching?: { batchSize: number, batchInterval: number } }} job
 */
export function httpCreates({ baseUrl, count, prefix, productId, reasonId, batching }) {
	const workflow = chainWorkflow(
		`bench: HTTP Request creates${batching ? ' (batching)' : ''}`,
		[
			itemsNode(count, prefix),
			{
				name: 'Job',
				type: 'n8n-nodes-base.httpRequest',
				credentialType: 'httpHeaderAuth',
				parameters: {
					method: 'POST',
					url: `${baseUrl}/v1/products/${productId}/tickets`,
					...httpAuth,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ name: $json.name, ...${JSON.stringify(ticketBody(reasonId))} }) }}`,
					options: batching ? { batching: { batch: batching } } : {},
				},
			},
		],
		CREDENTIAL_IDS,
	);
	return withNode(workflow, 'Job', { typeVersion: 4.2, ...RETRY_ON_FAIL });
}

/**
 * HTTP Request Return All: its pagination follows the Link header's next URL until there is none.
 * @param {{ baseUrl: string, productId: number, requestInterval?: number }} job
 */
export function httpList({ baseUrl, productId, requestInterval }) {
	const pagination = {
		paginationMode: 'responseContainsNextURL',
		nextURL: '={{ $response.headers.link.match(/<([^>]+)>\\s*;\\s*rel="?next"?/)[1] }}',
		paginationCompleteWhen: 'other',
		completeExpression: '={{ !$response.headers.link }}',
		...(requestInterval ? { requestInterval } : {}),
	};
	const workflow = chainWorkflow(
		`bench: HTTP Request pagination${requestInterval ? ' (interval)' : ''}`,
		[
			{
				name: 'Job',
				type: 'n8n-nodes-base.httpRequest',
				credentialType: 'httpHeaderAuth',
				executeOnce: true,
				parameters: {
					method: 'GET',
					url: `${baseUrl}/v1/products/${productId}/tickets`,
					...httpAuth,
					options: { pagination: { pagination } },
				},
			},
		],
		CREDENTIAL_IDS,
	);
	return withNode(workflow, 'Job', { typeVersion: 4.2, ...RETRY_ON_FAIL });
}

/**
 * "One-item executions in a row": a parent whose Execute Workflow node runs the
 * child once per item and waits for each, so every create is an execution of its
 * own in the same n8n process. Returns [parent, child]; the parent's node "Job"
 * is the Execute Workflow node.
 */
export function desk360CreatesInSubExecutions({ count, prefix, productId, reasonId }) {
	const child = chainWorkflow('bench: one Desk360 create per execution', [desk360CreateStep({ productId, reasonId })], CREDENTIAL_IDS);
	// Started by the parent, with the parent's item.
	withNode(child, 'Start', { type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1.1, parameters: { inputSource: 'passthrough' } });
	const parent = chainWorkflow(
		'bench: Desk360 creates, one execution each',
		[
			itemsNode(count, prefix),
			{
				name: 'Job',
				type: 'n8n-nodes-base.executeWorkflow',
				parameters: { source: 'database', workflowId: { __rl: true, mode: 'id', value: child.id }, mode: 'each', options: { waitForSubWorkflow: true } },
			},
		],
		CREDENTIAL_IDS,
	);
	return [withNode(parent, 'Job', { typeVersion: 1.2 }), child];
}
