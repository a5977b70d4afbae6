// `npm start`: build and pack the package and install it, as users get it, into a
// real n8n (the newest supported, or N8N_VERSION) on 127.0.0.1:5678, next to a
// local sandbox Desk360/Sendbird API on 127.0.0.1:8360, with ready-made sandbox
// credentials and example workflows. Ctrl-C stops both.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/server.mjs';
import { exampleWorkflows, sandboxCredentials } from './examples.mjs';
import {
	cacheRoot, ensureN8n, ensureOwner, importCredentials, importWorkflow, installTarball, log, N8N_VERSION, n8nEnv, packPackage, startN8n,
} from './n8n-runtime.mjs';
import { ensureDependencies } from './ensure-deps.mjs';

const OWNER = { email: 'owner@helpdesk.local', firstName: 'Help', lastName: 'Desk', password: 'Helpdesk-Local-1' };
const SANDBOX_PORT = 8360;

ensureDependencies();
ensureN8n();
// One user folder per n8n version: a database that a newer n8n migrated does not go back.
const userFolder = join(cacheRoot, `user-${N8N_VERSION}`);
const packFolder = join(cacheRoot, 'pack');
rmSync(packFolder, { recursive: true, force: true });
mkdirSync(packFolder, { recursive: true });
log('Building and packing the package, installing the tarball into n8n as the Community Nodes panel would...');
installTarball(userFolder, packPackage(packFolder));

const sandbox = await startSandbox({ port: SANDBOX_PORT });
log(`Sandbox Desk360/Sendbird API: ${sandbox.url}`);
// Imported once: later runs keep what the user changed in them.
const imported = join(userFolder, 'examples-imported');
if (!existsSync(imported)) {
	log('Importing the sandbox credentials and the example workflows...');
	await importCredentials(userFolder, sandboxCredentials(sandbox.url));
	for (const workflow of exampleWorkflows()) await importWorkflow(userFolder, workflow);
	writeFileSync(imported, new Date().toISOString());
}

const { child, base } = await startN8n(n8nEnv(userFolder));
await ensureOwner(base, OWNER);
log(`n8n ${N8N_VERSION} is running with n8n-nodes-helpdesk: ${base}`);
log(`Log in as ${OWNER.email} / ${OWNER.password}. Press Ctrl-C to stop n8n and the sandbox.`);
log('Open the example workflows; add a credential of your own to use your real Desk360 or Sendbird account.');

let stopping = false;
async function stop() {
	if (stopping) return;
	stopping = true;
	child.kill('SIGTERM');
	await sandbox.stop();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', async (code) => {
	await stop();
	process.exit(code ?? 0);
});
