// Drives real n8n (N8N_VERSION, the newest supported by default) for the end-to-end tests: the package installed the way
// users install it (npm pack, then into n8n's nodes folder), the local sandbox as
// Desk360 and Sendbird, workflows imported and run with n8n's own CLI.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import puppeteer from 'puppeteer-core';

import { executeWorkflow as runWorkflow } from '../../scripts/n8n-execute.mjs';
import { ensureN8n, ensureOwner, freePort, importWorkflow, installTarball, n8nCli, n8nEnv, packPackage, startN8n } from '../../scripts/n8n-runtime.mjs';

export { importCredentials, importWorkflow, installTarball, n8nCli, N8N_VERSION } from '../../scripts/n8n-runtime.mjs';

export const PACKAGE = 'n8n-nodes-helpdesk';
export const OWNER = { email: 'e2e@helpdesk.local', firstName: 'End', lastName: 'ToEnd', password: 'Helpdesk-E2e-1' };

/** Builds and packs the package, installs the tarball into a fresh n8n user folder. */
export function installPackedPackage() {
	const work = mkdtempSync(join(tmpdir(), 'helpdesk-e2e-'));
	// The folder holds n8n's database and the tarball of this process only: gone when it ends
	// (a folder that cannot be removed must not fail the tests that passed).
	process.once('exit', () => {
		try {
			rmSync(work, { recursive: true, force: true, maxRetries: 3 });
		} catch (error) {
			process.stderr.write(`could not remove ${work}: ${error}\n`);
		}
	});
	const tarball = packPackage(work);
	const userFolder = join(work, 'user');
	installTarball(userFolder, tarball);
	ensureN8n();
	return { work, userFolder, tarball };
}

/** Executes a workflow with `n8n execute`; returns the items each node output, and the run's error. */
export async function executeWorkflow(userFolder, workflowId) {
	const { data, log } = await runWorkflow(userFolder, workflowId);
	const outputs = {};
	for (const [node, runs] of Object.entries(data.resultData.runData)) {
		outputs[node] = runs[0].data?.main?.[0]?.map((item) => item.json) ?? [];
	}
	return { outputs, error: data.resultData.error, log };
}

let nextId = 1;

/**
 * A workflow of a manual trigger followed by `steps`, each a node of this
 * package ({ name, type, parameters, credential }), run one after the other.
 */
export function chainWorkflow(name, steps, credentialIds) {
	const id = `e2e${String(nextId++).padStart(13, '0')}`;
	const nodes = [
		{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	];
	const connections = {};
	let previous = 'Start';
	steps.forEach((step, index) => {
		const type = step.type.includes('.') ? step.type : `${PACKAGE}.${step.type}`;
		const credentialType = step.credentialType;
		nodes.push({
			id: `${id}-${index}`,
			name: step.name,
			type,
			typeVersion: 1,
			position: [200 * (index + 1), 0],
			parameters: step.parameters,
			// Lists run once, not once per item of the node before.
			...(step.executeOnce ? { executeOnce: true } : {}),
			...(credentialType
				? { credentials: { [credentialType]: { id: credentialIds[step.credential ?? credentialType], name: step.credential ?? credentialType } } }
				: {}),
		});
		connections[previous] = { main: [[{ node: step.name, type: 'main', index: 0 }]] };
		previous = step.name;
	});
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

const PRODUCT_11 = { __rl: true, mode: 'id', value: '11' };
const desk360Tool = (name, parameters) => ({ name, type: `${PACKAGE}.desk360Tool`, credential: 'desk360Api', parameters: { resource: 'ticket', product: PRODUCT_11, ...parameters } });

/**
 * The package's nodes as AI tools (the `<name>Tool` variant n8n makes of a node
 * usable as a tool), on the sandbox's product 11, set as a user would: the
 * operation and what the user chooses (product, reason, limit); every field
 * the model fills keeps the node's own `$fromAI()` default.
 */
export const HELPDESK_TOOLS = {
	listTickets: desk360Tool('List tickets', { operation: 'getAll', returnAll: false, limit: 10 }),
	getTicket: desk360Tool('Get ticket', { operation: 'get' }),
	addNote: desk360Tool('Add note', { operation: 'addNote' }),
	reply: desk360Tool('Reply', { operation: 'reply' }),
	setStatus: (reasonId) => desk360Tool('Set status', { operation: 'updateStatus', reason: reasonId }),
	sendbirdTicket: { name: 'Sendbird ticket', type: `${PACKAGE}.sendbirdDeskTool`, credential: 'sendbirdDeskApi', parameters: { resource: 'ticket', operation: 'get' } },
};

const require = createRequire(import.meta.url);

/** A tool as a model or an MCP client is offered it: description, arguments (type, description), required ones. */
export function toolShape(description, schema) {
	return {
		description,
		arguments: Object.fromEntries(Object.entries(schema.properties).map(([key, { type, description: text }]) => [key, { type, description: text }])),
		required: [...(schema.required ?? [])].sort(),
	};
}

/** The shape the operation's `tool` export (read from the built package) says the tool must have. */
toolShape.of = (node, resource, operation) => {
	const tool = require(`../../dist/nodes/${node}/resources/${resource}/${operation}.operation.js`).tool;
	const declared = Object.values(tool.arguments ?? {});
	return {
		description: tool.description,
		arguments: Object.fromEntries(declared.map(({ key, type, description }) => [key, { type, description }])),
		required: declared.filter((argument) => argument.default === undefined).map(({ key }) => key).sort(),
	};
};

/**
 * A workflow around one AI root node (an AI Agent, an MCP Server Trigger): the
 * `chain` of nodes joined by main connections (ending with `root`), and
 * `subNodes` attached to the root as `{ node, connection: 'ai_tool' | 'ai_languageModel' }`.
 * A node's `credential` names a credential type: the first of `credentials` of that type is used.
 */
export function aiWorkflow(id, name, { chain, subNodes }, credentials) {
	const root = chain.at(-1).name;
	const credentialOf = (type) => {
		const credential = credentials.find((candidate) => candidate.type === type);
		return { [type]: { id: credential.id, name: credential.name } };
	};
	const node = ({ credential, ...rest }, index, row) => ({
		id: `${id}-${row}-${index}`,
		typeVersion: 1,
		position: [index * 250, row * 200],
		parameters: {},
		...rest,
		...(credential ? { credentials: credentialOf(credential) } : {}),
	});
	const connections = {};
	chain.slice(1).forEach((next, index) => (connections[chain[index].name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] }));
	for (const { node: sub, connection } of subNodes) connections[sub.name] = { [connection]: [[{ node: root, type: connection, index: 0 }]] };
	return {
		id,
		name,
		active: false,
		nodes: [...chain.map((each, index) => node(each, index, 0)), ...subNodes.map(({ node: sub }, index) => node(sub, index, 1))],
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

export async function startServer(userFolder, extraEnv = {}) {
	// Free ports: the tests may run while someone's `npm start` holds 5678.
	const env = n8nEnv(userFolder, { N8N_PORT: await freePort(), N8N_RUNNERS_BROKER_PORT: await freePort(), ...extraEnv });
	const server = await startN8n(env, { quiet: true });
	const cookie = await ensureOwner(server.base, OWNER);
	await waitForActivation(server, cookie, published.get(userFolder) ?? []);
	return { ...server, cookie, stop: () => stopProcess(server.child) };
}

/** The workflows published in each user folder, which the n8n started on it activates. */
const published = new Map();

/**
 * Where n8n serves a trigger node's webhook: the n8n Webhook node at its own
 * path, the MCP Server Trigger at its path under /mcp/, this package's
 * triggers at `<webhookId>/webhook`.
 */
function webhookPath(node) {
	if (node.type === 'n8n-nodes-base.webhook') return `webhook/${node.parameters.path}`;
	if (node.type === '@n8n/n8n-nodes-langchain.mcpTrigger') return `mcp/${node.parameters.path}`;
	return `webhook/${node.webhookId}/webhook`;
}

/**
 * Waits until the webhooks of each workflow answer: n8n 2.41 activates
 * published workflows in the background after its REST API is up, and a
 * delivery sent meanwhile got a 404. An OPTIONS request asks n8n which methods
 * a webhook path has (404 while it has none) without starting an execution.
 */
async function waitForActivation(server, cookie, workflowIds) {
	const paths = [];
	for (const id of workflowIds) {
		const response = await fetch(`${server.base}/rest/workflows/${id}`, { headers: { cookie } });
		if (!response.ok) throw new Error(`GET /rest/workflows/${id}: ${response.status} ${await response.text()}`);
		for (const node of (await response.json()).data.nodes) if (node.webhookId) paths.push(webhookPath(node));
	}
	const answers = async (path) => (await fetch(`${server.base}/${path}`, { method: 'OPTIONS' })).status !== 404;
	for (const path of paths) {
		let ready = false;
		for (let i = 0; i < 240 && !(ready = await answers(path)); i++) await new Promise((done) => setTimeout(done, 250));
		if (!ready) throw new Error(`n8n did not register the webhook ${path} within a minute:\n${Buffer.concat(server.output).toString().slice(-3000)}`);
	}
}

/** Imports the workflows, publishes them (active), then starts n8n, which serves their triggers. */
export async function startWithPublishedWorkflows(userFolder, workflows) {
	for (const workflow of workflows) {
		await importWorkflow(userFolder, workflow);
		await publishWorkflow(userFolder, workflow.id);
	}
	return await startServer(userFolder);
}

export async function stopProcess(child) {
	if (child.exitCode !== null) return;
	const exited = new Promise((done) => child.once('exit', done));
	child.kill('SIGTERM');
	await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
	if (child.exitCode === null) child.kill('SIGKILL');
}

/** Publishes an imported workflow with n8n's CLI (before n8n starts, so that it activates it). */
export async function publishWorkflow(userFolder, workflowId) {
	const result = await n8nCli(userFolder, ['publish:workflow', `--id=${workflowId}`]);
	assert.equal(result.status, 0, result.stdout + result.stderr);
	published.set(userFolder, [...(published.get(userFolder) ?? []), workflowId]);
}

/** The executions n8n recorded for a workflow (newest first), through its REST API. */
export async function executionsOf(server, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const executions = [];
	// Pages of 100, the most n8n 2.41 gives at once; at most 1,000 executions.
	for (let page = 0; page < 10; page++) {
		const lastId = executions.length ? `&lastId=${executions.at(-1).id}` : '';
		const response = await fetch(`${server.base}/rest/executions?filter=${filter}&limit=100${lastId}`, { headers: { cookie: server.cookie } });
		if (!response.ok) throw new Error(`GET /rest/executions: ${response.status} ${await response.text()}`);
		const { results } = (await response.json()).data;
		executions.push(...results);
		if (results.length < 100) break;
	}
	return executions;
}

/**
 * Headless Chromium (Debian's, or CHROMIUM_PATH) with a page logged into the
 * started n8n's editor: `{ browser, page }`; close the browser when done (its
 * profile folder goes with it).
 */
export async function openEditor(server, viewport = { width: 1440, height: 900 }) {
	const profile = mkdtempSync(join(tmpdir(), 'helpdesk-chromium-'));
	const browser = await puppeteer.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
		],
	});
	// Once Chromium has exited: before that it may still be writing into its profile.
	browser.process()?.once('exit', () => rmSync(profile, { recursive: true, force: true, maxRetries: 5 }));
	const page = await browser.newPage();
	await page.setViewport(viewport);
	const [name] = server.cookie.split('=');
	await page.setCookie({ name, value: server.cookie.slice(name.length + 1), url: server.base });
	return { browser, page };
}
