// Installs and drives a real n8n (2.8.4) for `npm start` and the end-to-end tests.
// The install lives in a cache folder outside the package and is reused; pnpm is
// used because npm cannot resolve n8n 2.8.4's tree here (see ../shared/N8N-RUNTIME.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureDependencies } from './ensure-deps.mjs';

export const N8N_VERSION = '2.8.4';
const PNPM_VERSION = '10.34.8';

export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheRoot = resolve(
	process.env.N8N_HELPDESK_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-helpdesk'),
);
const n8nDir = join(cacheRoot, `n8n-${N8N_VERSION}`);
const pnpmDir = join(cacheRoot, `pnpm-${PNPM_VERSION}`);
export const n8nBin = join(n8nDir, 'node_modules', '.bin', 'n8n');

export function log(message) {
	process.stdout.write(`[helpdesk] ${message}\n`);
}

export function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
	}
}

/** Installs the package's dev tools (when missing) and builds dist/. */
export function buildPackage() {
	ensureDependencies();
	log('Building the package...');
	run('npm', ['run', 'build'], { cwd: packageRoot });
}

/** Installs n8n into the cache folder once; later calls reuse it. */
export function ensureN8n() {
	if (existsSync(n8nBin)) return;
	mkdirSync(n8nDir, { recursive: true });
	const pnpmBin = join(pnpmDir, 'node_modules', '.bin', 'pnpm');
	if (!existsSync(pnpmBin)) {
		log(`Installing pnpm ${PNPM_VERSION} into ${pnpmDir}...`);
		mkdirSync(pnpmDir, { recursive: true });
		writeFileSync(join(pnpmDir, 'package.json'), JSON.stringify({ private: true }));
		run('npm', ['install', '--no-audit', '--no-fund', `pnpm@${PNPM_VERSION}`], { cwd: pnpmDir });
	}
	writeFileSync(
		join(n8nDir, 'package.json'),
		JSON.stringify(
			{
				private: true,
				dependencies: { n8n: N8N_VERSION },
				pnpm: {
					overrides: { xlsx: '0.18.5', '@langchain/langgraph-checkpoint': '1.0.1' },
					onlyBuiltDependencies: ['sqlite3'],
				},
			},
			null,
			2,
		),
	);
	log(`Installing n8n ${N8N_VERSION} into ${n8nDir} (about 2 minutes the first time)...`);
	run(pnpmBin, ['install', '--reporter=default'], { cwd: n8nDir });
}

/** Makes the built package an installed community package of the n8n user folder. */
export function linkPackage(userFolder) {
	const modules = join(userFolder, '.n8n', 'nodes', 'node_modules');
	mkdirSync(modules, { recursive: true });
	const link = join(modules, 'n8n-nodes-helpdesk');
	if (existsSync(link) || isSymlink(link)) rmSync(link, { recursive: true, force: true });
	symlinkSync(packageRoot, link, 'dir');
}

function isSymlink(path) {
	try {
		return lstatSync(path).isSymbolicLink();
	} catch {
		return false;
	}
}

/** A TCP port nobody listens on right now. */
export async function freePort() {
	const server = createServer();
	await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	await new Promise((done) => server.close(done));
	return String(port);
}

export function n8nEnv(userFolder, extra = {}) {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-helpdesk-local-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: '5678',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// No fetch of n8n's verified community-node list: offline it only logs errors.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
}

/**
 * Lines of n8n's start-up that need no action here: the database migrations
 * of a first start, and n8n's own notes about its optional Python runner and
 * its licence (none is used).
 */
const QUIET_LINES = [
	/^(Starting|Finished) migration /,
	/^\[MoveSshKeysToDatabase\d*\] No SSH keys/,
	/^Added workflow:publish scope/,
	/^Failed to start Python task runner in internal mode/,
	/^\[license SDK\] Skipping renewal/,
];

/** Copies n8n's output line by line, without the QUIET_LINES. */
function showN8nOutput(stream, target) {
	let rest = '';
	stream.on('data', (chunk) => {
		const lines = (rest + chunk).split('\n');
		rest = lines.pop();
		for (const line of lines) if (!QUIET_LINES.some((quiet) => quiet.test(line.trim()))) target.write(`${line}\n`);
	});
	stream.on('end', () => rest && target.write(rest));
}

/** Starts `n8n start`; resolves once /healthz answers. */
export async function startN8n(env, { quiet = false } = {}) {
	const base = `http://127.0.0.1:${env.N8N_PORT}`;
	if (await fetch(`${base}/healthz`).then(() => true, () => false)) {
		throw new Error(`port ${env.N8N_PORT} is already in use (another n8n running?): stop it first`);
	}
	const child = spawn(n8nBin, ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	const output = [];
	for (const stream of [child.stdout, child.stderr]) {
		stream.on('data', (chunk) => output.push(chunk));
		if (!quiet) showN8nOutput(stream, stream === child.stdout ? process.stdout : process.stderr);
	}
	for (let i = 0; i < 240; i++) {
		if (child.exitCode !== null) throw new Error(`n8n exited early:\n${Buffer.concat(output).toString()}`);
		try {
			const response = await fetch(`${base}/healthz`);
			if (response.ok) return { child, base, output };
		} catch {
			// Not listening yet.
		}
		await new Promise((done) => setTimeout(done, 500));
	}
	child.kill('SIGTERM');
	throw new Error('n8n did not become healthy within 2 minutes');
}

async function postJson(url, body, cookie) {
	return await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
		body: JSON.stringify(body),
	});
}

/** Whether n8n still waits for its owner account (asked before logging in, so no login is refused). */
async function needsOwner(base) {
	// Until its REST API is up, n8n answers "n8n is starting up" (not JSON): ask again.
	const settings = await fetch(`${base}/rest/settings`)
		.then(async (response) => (response.ok ? await response.json() : undefined))
		.catch(() => undefined);
	return settings?.data?.userManagement && settings.data.userManagement.showSetupOnFirstLoad === true;
}

/**
 * Makes sure the owner account exists and returns a logged-in session cookie.
 * n8n answers /healthz a moment before its REST API is ready, so this retries.
 */
export async function ensureOwner(base, owner) {
	for (let attempt = 0; attempt < 60; attempt++) {
		const setup = await needsOwner(base);
		if (setup) await postJson(`${base}/rest/owner/setup`, owner);
		if (setup !== undefined) {
			const login = await postJson(`${base}/rest/login`, { emailOrLdapLoginId: owner.email, password: owner.password });
			if (login.ok) return login.headers.get('set-cookie')?.split(';')[0];
		}
		await new Promise((done) => setTimeout(done, 500));
	}
	throw new Error(`could not set up or log in as ${owner.email}`);
}

/**
 * Runs an n8n CLI command in the user folder; returns its output. Asynchronous,
 * so that a server in this same process (the sandbox) can answer n8n meanwhile.
 */
export async function n8nCli(userFolder, args, env = {}) {
	// Its own task-runner port, so it can run beside a started n8n.
	const brokerPort = await freePort();
	const child = spawn(n8nBin, args, { env: n8nEnv(userFolder, { N8N_RUNNERS_BROKER_PORT: brokerPort, ...env }) });
	const stdout = [];
	const stderr = [];
	child.stdout.on('data', (chunk) => stdout.push(chunk));
	child.stderr.on('data', (chunk) => stderr.push(chunk));
	const status = await new Promise((done) => child.on('close', done));
	return { status, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() };
}

async function importFile(userFolder, command, name, value) {
	const file = join(userFolder, name);
	mkdirSync(userFolder, { recursive: true });
	writeFileSync(file, JSON.stringify(value, null, 2));
	const result = await n8nCli(userFolder, [command, `--input=${file}`]);
	if (result.status !== 0) throw new Error(`${command} failed:\n${result.stdout}\n${result.stderr}`);
}

/** Imports credentials ({ id, name, type, data }: n8n encrypts the data on import). */
export async function importCredentials(userFolder, credentials) {
	await importFile(userFolder, 'import:credentials', `credentials-${Date.now()}.json`, credentials);
}

export async function importWorkflow(userFolder, workflow) {
	await importFile(userFolder, 'import:workflow', `workflow-${workflow.id}.json`, [workflow]);
}

