/**
 * Calls a trigger node's webhook() the way n8n does: a real HTTP request to a
 * local server, whose IncomingMessage (with n8n's rawBody/body/query) and
 * ServerResponse go into n8n-core's WebhookContext; then n8n's answer is
 * written unless the node answered itself (noWebhookResponse).
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { parse as parseQuery } from 'querystring';

import nock from 'nock';
import { HookContext, parseIncomingMessage, WebhookContext } from 'n8n-core';
import { getNodeWebhookUrl } from 'n8n-core/dist/execution-engine/node-execution-context/utils/webhook-helper-functions';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { additionalDataFor, buildWorkflow, TestCredentialsHelper, type NodeHarness } from './n8n';

export interface WebhookSetup {
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** 'trigger' for the production URL, 'manual' for the test URL. */
	mode?: WorkflowExecuteMode;
	/** The node's version (default 1). */
	typeVersion?: number;
	/** The workflow's static data, kept across calls when the same object is given again. */
	staticData?: IDataObject;
}

export interface WebhookRequest {
	/** An object is sent as JSON; a string or Buffer as it is. */
	body?: unknown;
	/** Default: application/json; null sends none. */
	contentType?: string | null;
	headers?: Record<string, string>;
	/** The query string, without "?". */
	query?: string;
}

/** What the caller (Desk360) got back. */
export interface WebhookAnswer {
	status: number;
	body: unknown;
}

/** What webhook() returned to n8n, and the items a workflow would start with. */
export interface WebhookOutcome {
	result?: IWebhookResponseData;
	items: INodeExecutionData[];
	/** Whether webhook() ran at all (n8n refuses some bodies before it). */
	nodeCalled: boolean;
	/** The URL n8n shows for this webhook in this mode (test or production). */
	webhookUrl?: string;
	error?: Error;
}

export const WEBHOOK_ID = 'desk360-hook';

function sendJson(response: ServerResponse, status: number, body: unknown) {
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify(body));
}

async function readBody(message: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of message) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/**
 * n8n's rawBodyReader (run on every request): the content type read from the
 * headers, and readRawBody(), which reads the bytes once, when n8n's body
 * parser or the node asks for them.
 */
function prepareLikeN8n(message: IncomingMessage & Record<string, unknown>) {
	parseIncomingMessage(message);
	message.readRawBody = async () => {
		if (!message.rawBody) {
			// raw-body refuses a stream already read (by the multipart parser).
			if (!message.readable) throw Object.assign(new Error('stream is not readable'), { type: 'stream.not.readable' });
			message.rawBody = await readBody(message);
			message._body = true;
		}
	};
}

/** The content types n8n parses before a node of typeVersion 2 or later runs (webhook-helpers' parseRequestBody). */
function isParsedForLaterVersions(contentType: string | undefined): boolean {
	return (
		['application/json', 'text/plain', 'application/x-www-form-urlencoded'].some((type) => contentType?.startsWith(type) === true) ||
		contentType?.endsWith('/xml') === true ||
		contentType?.endsWith('+xml') === true
	);
}

/**
 * n8n's parseRequestBody before the node runs: multipart forms by their own
 * parser; parseBody always for typeVersion 1, only for the types above for
 * later versions (any other body stays unread, rawBody and body undefined).
 * JSON, form and text bodies; false (n8n's 422) for broken JSON.
 */
async function parseLikeN8n(message: IncomingMessage & Record<string, unknown>, typeVersion: number): Promise<boolean> {
	if (message.contentType === 'multipart/form-data') {
		// n8n's parseFormData (formidable) reads the stream into { data, files }; the fields are not modelled here.
		await readBody(message);
		message.body = { data: {}, files: {} };
		return true;
	}
	if (typeVersion > 1 && !isParsedForLaterVersions(message.contentType as string | undefined)) return true;
	await (message.readRawBody as () => Promise<void>)();
	const raw = (message.rawBody as Buffer).toString((message.encoding as BufferEncoding) ?? 'utf8');
	if (!raw.length) return true;
	switch (message.contentType) {
		case 'application/json':
			try {
				message.body = JSON.parse(raw);
			} catch {
				return false;
			}
			return true;
		case 'application/x-www-form-urlencoded':
			message.body = parseQuery(raw);
			return true;
		case 'text/plain':
			message.body = raw;
			return true;
		default:
			return true;
	}
}

function webhookDataOf(
	harness: NodeHarness,
	workflow: Workflow,
	nodeName: string,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
): IWebhookData {
	return {
		httpMethod: 'POST',
		node: nodeName,
		path: `${WEBHOOK_ID}/webhook`,
		webhookDescription: harness.nodeType.description.webhooks![0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: WEBHOOK_ID,
		isTest: mode === 'manual',
	};
}

/**
 * Runs one of the node's webhook lifecycle methods the way n8n does when a
 * workflow is published ('checkExists', then 'create' if it said no) or
 * unpublished ('delete'): through n8n-core's HookContext.
 */
export async function runWebhookMethod(
	harness: NodeHarness,
	setup: WebhookSetup,
	method: 'checkExists' | 'create' | 'delete',
): Promise<boolean | undefined> {
	const { workflow, node } = buildWorkflow(harness, setup.parameters, { typeVersion: setup.typeVersion, staticData: setup.staticData });
	node.webhookId = WEBHOOK_ID;
	const additionalData = additionalDataFor(new TestCredentialsHelper(harness.credentialTypes, { ...setup.credentials }));
	const mode = setup.mode ?? 'trigger';
	const webhookData = webhookDataOf(harness, workflow, node.name, additionalData, mode);
	const context = new HookContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate', webhookData);
	const methods = harness.nodeType.webhookMethods!.default as Record<string, (this: HookContext) => Promise<boolean>>;
	return await methods[method].call(context);
}

/** Captures what the webhook lifecycle methods write to n8n's log (the logger of n8n-core's contexts). */
export function captureLifecycleLog(): { messages: string[]; restore(): void } {
	const messages: string[] = [];
	const contexts = Object.getPrototypeOf(HookContext.prototype) as object;
	const spy = jest.spyOn(contexts as { logger: unknown }, 'logger', 'get').mockReturnValue({
		info: (message: string) => messages.push(message),
	});
	return { messages, restore: () => spy.mockRestore() };
}

async function serve(
	harness: NodeHarness,
	setup: WebhookSetup,
	message: IncomingMessage,
	response: ServerResponse,
): Promise<WebhookOutcome> {
	const req = message as IncomingMessage & Record<string, unknown>;
	prepareLikeN8n(req);
	req.query = parseQuery(new URL(message.url!, 'http://localhost').search.slice(1));
	if (!(await parseLikeN8n(req, setup.typeVersion ?? 1))) {
		sendJson(response, 422, { code: 422, message: 'Failed to parse request body' });
		return { items: [], nodeCalled: false };
	}

	// Static data changes go into the object given, as n8n saves them after each call.
	const { workflow, node } = buildWorkflow(harness, setup.parameters, { typeVersion: setup.typeVersion, staticData: setup.staticData });
	node.webhookId = WEBHOOK_ID;
	const additionalData = additionalDataFor(
		new TestCredentialsHelper(harness.credentialTypes, { ...setup.credentials }),
	);
	additionalData.httpRequest = req as never;
	additionalData.httpResponse = response as never;
	const mode = setup.mode ?? 'trigger';
	const webhookData = webhookDataOf(harness, workflow, node.name, additionalData, mode);
	const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
	// The URL n8n lists for the node: the test URL while listening for a test event.
	const webhookUrl = getNodeWebhookUrl('default', workflow, node, additionalData, mode, {}, mode === 'manual');

	let result: IWebhookResponseData;
	try {
		result = await harness.nodeType.webhook!.call(context);
	} catch (error) {
		sendJson(response, 500, { message: 'Workflow Webhook Error: Workflow could not be started!' });
		return { items: [], nodeCalled: true, webhookUrl, error: error as Error };
	}
	// n8n's answers (onReceived), unless the node answered itself.
	if (result.noWebhookResponse) {
		if (!response.writableEnded) sendJson(response, 599, { message: 'the node said it answered, but did not' });
	} else if (result.workflowData === undefined) {
		sendJson(response, 200, result.webhookResponse ?? { message: 'Webhook call received' });
	} else {
		// n8n reads the description's responseData, defaulting to 'firstEntryJson', and answers it as it is.
		const responseData = webhookData.webhookDescription.responseData ?? 'firstEntryJson';
		const started = responseData || (result.webhookResponse ?? { message: 'Workflow was started' });
		sendJson(response, 200, responseData === 'noData' ? undefined : started);
	}
	return { result, items: result.workflowData?.[0] ?? [], nodeCalled: true, webhookUrl };
}

function bodyBytes(body: unknown): Buffer {
	if (body === undefined) return Buffer.alloc(0);
	if (Buffer.isBuffer(body)) return body;
	return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * Starts one webhook call. `answer` settles when the caller has the whole
 * answer, `outcome` when webhook() has returned: they may come in either order.
 */
export function startWebhook(
	harness: NodeHarness,
	setup: WebhookSetup,
	call: WebhookRequest = {},
): { answer: Promise<WebhookAnswer>; outcome: Promise<WebhookOutcome> } {
	let settleOutcome: (outcome: WebhookOutcome) => void;
	let failOutcome: (error: unknown) => void;
	const outcome = new Promise<WebhookOutcome>((resolve, reject) => {
		settleOutcome = resolve;
		failOutcome = reject;
	});
	// The call goes to a local server; nock still stops every other host.
	nock.enableNetConnect('127.0.0.1');
	const server = createServer((message, response) => {
		serve(harness, setup, message, response).then(settleOutcome, failOutcome);
	});
	const answer = new Promise<WebhookAnswer>((resolve, reject) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			const body = bodyBytes(call.body);
			const contentType = call.contentType === undefined ? 'application/json' : call.contentType;
			const headers: Record<string, string> = { ...call.headers, 'Content-Length': String(body.length) };
			if (contentType !== null) headers['Content-Type'] = contentType;
			const path = `/webhook/${WEBHOOK_ID}/webhook${call.query ? `?${call.query}` : ''}`;
			const sent = request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (reply) => {
				readBody(reply).then((bytes) => {
					const text = bytes.toString('utf8');
					let parsed: unknown = text;
					try {
						parsed = JSON.parse(text);
					} catch {
						// Not JSON: keep the text.
					}
					resolve({ status: reply.statusCode!, body: parsed });
				}, reject);
			});
			sent.on('error', reject);
			sent.end(body);
		});
	});
	const closed = Promise.allSettled([answer, outcome]).then(
		async () => await new Promise((resolve) => server.close(resolve)),
	);
	return {
		answer,
		outcome: closed.then(async () => await outcome),
	};
}

/** One webhook call: the answer the caller got and what webhook() returned. */
export async function callWebhook(
	harness: NodeHarness,
	setup: WebhookSetup,
	call: WebhookRequest = {},
): Promise<WebhookAnswer & WebhookOutcome> {
	const { answer, outcome } = startWebhook(harness, setup, call);
	return { ...(await answer), ...(await outcome) };
}
