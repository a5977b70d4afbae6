// Drives real n8n 2.8.4 for the end-to-end tests: the package installed the way
// users install it (npm pack, then into n8n's nodes folder), the local sandbox as
// Desk360 and Sendbird, workflows imported and run with n8n's own CLI.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { executeWorkflow as runWorkflow } from '../../scripts/n8n-execute.mjs';
import { ensureN8n, ensureOwner, freePort, n8nEnv, packageRoot, run, startN8n } from '../../scripts/n8n-runtime.mjs';

export { importCredentials, importWorkflow, n8nCli } from '../../scripts/n8n-runtime.mjs';

export const PACKAGE = 'n8n-nodes-helpdesk';
export const OWNER = { email: 'e2e@helpdesk.local', firstName: 'End', lastName: 'ToEnd', password: 'Helpdesk-E2e-1' };

/** Builds and packs the package, installs the tarball into a fresh n8n user folder. */
export function installPackedPackage() {
	run('npm', ['run', 'build'], { cwd: packageRoot, stdio: 'ignore' });
	const work = mkdtempSync(join(tmpdir(), 'helpdesk-e2e-'));
	run('npm', ['pack', '--pack-destination', work], { cwd: packageRoot, stdio: 'ignore' });
	const tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz')));
	const userFolder = join(work, 'user');
	installTarball(userFolder, tarball);
	ensureN8n();
	return { work, userFolder, tarball };
}

/** Installs the packed package into an n8n user folder's nodes folder, as n8n installs a community package. */
export function installTarball(userFolder, tarball) {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesFolder, { recursive: true });
	writeFileSync(join(nodesFolder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	// n8n provides n8n-workflow itself: the peer dependency is not installed.
	run('npm', ['install', '--omit=peer', '--no-audit', '--no-fund', tarball], { cwd: nodesFolder, stdio: 'ignore' });
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

export async function startServer(userFolder, extraEnv = {}) {
	// Free ports: the tests may run while someone's `npm start` holds 5678.
	const env = n8nEnv(userFolder, { N8N_PORT: await freePort(), N8N_RUNNERS_BROKER_PORT: await freePort(), ...extraEnv });
	const server = await startN8n(env, { quiet: true });
	const cookie = await ensureOwner(server.base, OWNER);
	return { ...server, cookie, stop: () => stopProcess(server.child) };
}

export async function stopProcess(child) {
	if (child.exitCode !== null) return;
	const exited = new Promise((done) => child.once('exit', done));
	child.kill('SIGTERM');
	await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
	if (child.exitCode === null) child.kill('SIGKILL');
}

