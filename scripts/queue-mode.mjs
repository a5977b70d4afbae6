// n8n in queue mode on this machine, for `npm run test:queue` and the benchmark:
// its own Redis and PostgreSQL on 127.0.0.1 with their data in a temporary
// folder, an n8n main and two workers (N8N_VERSION, the newest supported by default) against them, each with the packed
// package installed in its own user folder as users install it. Everything it
// starts is stopped again by stop(), also when the caller fails, and on SIGINT
// or SIGTERM (see ../shared/N8N-RUNTIME.md for the measured recipe).
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureOwner, freePort, installTarball, n8nBin, n8nCli, n8nEnv } from './n8n-runtime.mjs';

/** Debian's PostgreSQL binaries, of the newest version installed. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', 'postgres'))) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}
const DATABASE = { name: 'n8n', user: 'n8n', password: 'n8n-queue-test' };
export const QUEUE_OWNER = { email: 'queue@helpdesk.local', firstName: 'Queue', lastName: 'Mode', password: 'Helpdesk-Queue-1' };

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Installs Redis and PostgreSQL from Debian when they are missing (as CI does). */
export function ensureQueueServices() {
	if (existsSync('/usr/bin/redis-server') && postgresBin()) return;
	const apt = (args) => {
		const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: queue mode needs redis-server and postgresql`);
	};
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', '--no-install-recommends', 'redis-server', 'postgresql']);
}

/**
 * A process this module started: its name in logs, the signal that stops it
 * cleanly, what it printed, and a worker's readiness URL.
 * @typedef {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable> & { name: string, stopSignal: NodeJS.Signals, output: string[], health?: string }} Started
 */

/**
 * Waits until `check()` holds, failing early when `child` exits.
 * @param {string} what
 * @param {() => Promise<boolean>} check
 * @param {{ timeoutMs?: number, child?: Started }} [options]
 */
async function waitFor(what, check, { timeoutMs = 120_000, child } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && child.exitCode !== null) throw new Error(`${what}: the process exited (${child.exitCode})`);
		if (await check().catch(() => false)) return;
		await sleep(250);
	}
	throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
}

const answers = async (url, status = 200) => (await fetch(url)).status === status;

/**
 * Starts Redis, PostgreSQL, an n8n main and two workers.
 * `prepare(cli)` runs first against the fresh database (import credentials and
 * workflows, publish): n8n reads active workflows when main starts.
 * @param {{ tarball: string, prepare?: (cli: (args: string[]) => Promise<{ status: number, stdout: string, stderr: string }>) => Promise<void>, log?: (message: string) => void }} options
 */
export async function startQueueMode({ tarball, prepare = async () => {}, log = () => {} }) {
	ensureQueueServices();
	const work = mkdtempSync(join(tmpdir(), 'helpdesk-queue-'));
	// PostgreSQL runs as another user: it must be able to reach its folders inside.
	chmodSync(work, 0o711);
	const children = [];
	let postmaster;
	let stopped = false;
	// Each started process's group and stop signal, for the watchdog.
	const registry = join(work, 'processes');
	writeFileSync(registry, '');
	startWatchdog(work, registry);

	/**
	 * A process in its own group, so that stopping it also stops what it started (n8n's task runners).
	 * @param {string} name
	 * @param {string} command
	 * @param {string[]} args
	 * @param {import('node:child_process').SpawnOptions} [options]
	 * @returns {Started}
	 */
	function start(name, command, args, options = {}) {
		const child = /** @type {Started} */ (spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options }));
		child.name = name;
		child.stopSignal = name === 'postgres' ? 'SIGINT' : 'SIGTERM'; // SIGINT: PostgreSQL's fast shutdown
		child.output = [];
		child.stdout.on('data', (chunk) => child.output.push(chunk.toString()));
		child.stderr.on('data', (chunk) => child.output.push(chunk.toString()));
		children.push(child);
		appendFileSync(registry, `${child.pid} ${child.stopSignal}\n`);
		return child;
	}

	const running = (child) => child.exitCode === null && child.signalCode === null;

	function killGroup(child, signal) {
		try {
			process.kill(-child.pid, signal);
		} catch {
			// Already gone.
		}
	}

	async function stop() {
		if (stopped) return;
		stopped = true;
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		for (const child of children) if (running(child)) killGroup(child, child.stopSignal);
		const deadline = Date.now() + 15_000;
		while (children.some(running) && Date.now() < deadline) await sleep(100);
		for (const child of children) if (running(child)) killGroup(child, 'SIGKILL');
		// Removing the folder also tells the watchdog that all is stopped.
		rmSync(work, { recursive: true, force: true });
		process.off('exit', onExit);
	}

	// When the process ends before stop() is done: kill every group at once (the watchdog removes the folder).
	const onExit = () => {
		for (const child of children) killGroup(child, 'SIGKILL');
	};
	const onSignal = (signal) => {
		void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	process.on('exit', onExit);

	try {
		// Redis.
		const redisPort = await freePort();
		const redisDir = join(work, 'redis');
		mkdirSync(redisDir);
		const redis = start('redis', 'redis-server', ['--port', redisPort, '--bind', '127.0.0.1', '--daemonize', 'no', '--save', '', '--appendonly', 'no', '--dir', redisDir]);
		await waitFor('Redis', async () => (redis.output.join('').includes('Ready to accept connections')), { child: redis, timeoutMs: 20_000 });
		log(`Redis on 127.0.0.1:${redisPort}`);

		// PostgreSQL runs as the postgres user, with its data and socket in the temporary folder.
		const pgPort = await freePort();
		const pgDir = join(work, 'postgres');
		const socketDir = join(work, 'postgres-socket');
		for (const dir of [pgDir, socketDir]) {
			mkdirSync(dir);
			chownSync(dir, ...postgresIds());
		}
		const asPostgres = ['--reuid=postgres', '--regid=postgres', '--init-groups'];
		const bin = postgresBin();
		const initdb = spawnSync('setpriv', [...asPostgres, join(bin, 'initdb'), '-D', join(pgDir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], { cwd: '/tmp', encoding: 'utf8' });
		if (initdb.status !== 0) throw new Error(`initdb failed:\n${initdb.stdout}\n${initdb.stderr}`);
		postmaster = start('postgres', 'setpriv', [...asPostgres, join(bin, 'postgres'), '-D', join(pgDir, 'data'), '-p', pgPort, '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off'], { cwd: '/tmp' });
		await waitFor('PostgreSQL', async () => spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', pgPort, '-U', 'postgres']).status === 0, { child: postmaster, timeoutMs: 30_000 });
		const psql = spawnSync('psql', ['-h', '127.0.0.1', '-p', pgPort, '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE USER ${DATABASE.user} PASSWORD '${DATABASE.password}'`, '-c', `CREATE DATABASE ${DATABASE.name} OWNER ${DATABASE.user}`], { encoding: 'utf8' });
		if (psql.status !== 0) throw new Error(`creating the n8n database failed:\n${psql.stderr}`);
		log(`PostgreSQL on 127.0.0.1:${pgPort}`);

		// One user folder per n8n process, each with the package installed.
		const folders = ['main', 'worker-1', 'worker-2'].map((name) => join(work, name));
		for (const folder of folders) installTarball(folder, tarball);
		const mainPort = await freePort();
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: redisPort,
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: pgPort,
			DB_POSTGRESDB_DATABASE: DATABASE.name,
			DB_POSTGRESDB_USER: DATABASE.user,
			DB_POSTGRESDB_PASSWORD: DATABASE.password,
			WEBHOOK_URL: `http://127.0.0.1:${mainPort}/`,
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		};
		const envFor = async (folder, extra = {}) => n8nEnv(folder, { ...queueEnv, N8N_RUNNERS_BROKER_PORT: await freePort(), ...extra });

		const cli = async (args) => await n8nCli(folders[0], args, queueEnv);
		await prepare(cli);

		const main = start('main', n8nBin, ['start'], { env: await envFor(folders[0], { N8N_PORT: mainPort }) });
		const base = `http://127.0.0.1:${mainPort}`;
		const workers = [];
		for (const [index, folder] of folders.slice(1).entries()) {
			const healthPort = await freePort();
			const env = await envFor(folder, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: healthPort, N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' });
			const worker = start(`worker ${index + 1}`, n8nBin, ['worker', '--concurrency=10'], { env });
			worker.health = `http://127.0.0.1:${healthPort}/healthz/readiness`;
			workers.push(worker);
		}
		// Main answers /healthz before its REST routes exist.
		await waitFor('n8n main', () => answers(`${base}/rest/settings`), { child: main });
		for (const worker of workers) await waitFor(worker.name, () => answers(worker.health), { child: worker });
		const cookie = await ensureOwner(base, QUEUE_OWNER);
		log(`n8n main on ${base}, 2 workers ready`);

		return {
			base,
			cookie,
			workers,
			main,
			stop,
			/** The worker that ran an execution (n8n says so only in the worker's log). */
			workerOf(executionId) {
				const pattern = new RegExp(`Worker started execution ${executionId}\\b`);
				return workers.find((worker) => pattern.test(worker.output.join('')))?.name;
			},
		};
	} catch (error) {
		const logs = children.map((child) => `--- ${child.name}\n${child.output.join('').slice(-2000)}`).join('\n');
		await stop();
		error.message = `${error.message}\n${logs}`;
		throw error;
	}
}

/** @returns {[number, number]} the postgres user's uid and gid */
function postgresIds() {
	const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
	const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
	if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('no postgres user: install postgresql');
	return [uid, gid];
}

/**
 * A process of its own that outlives this one: if this process dies without
 * stopping what it started (killed, or its test runner gave up on it), the
 * watchdog stops every process group in the registry and removes the folder.
 */
function startWatchdog(work, registry) {
	const script = `
		const { existsSync, readFileSync, rmSync } = require('node:fs');
		const [parent, work, registry] = process.argv.slice(1);
		const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
		const kill = (pid, signal) => { try { process.kill(-pid, signal); } catch {} };
		const timer = setInterval(() => {
			if (!existsSync(registry)) process.exit(0);
			if (alive(Number(parent))) return;
			clearInterval(timer);
			const started = readFileSync(registry, 'utf8').split('\\n').filter(Boolean).map((line) => line.split(' '));
			for (const [pid, signal] of started) kill(Number(pid), signal);
			setTimeout(() => {
				for (const [pid] of started) kill(Number(pid), 'SIGKILL');
				rmSync(work, { recursive: true, force: true });
				process.exit(0);
			}, 10000);
		}, 500);`;
	spawn(process.execPath, ['-e', script, String(process.pid), work, registry], { detached: true, stdio: 'ignore' }).unref();
}
