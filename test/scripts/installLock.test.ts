/**
 * Two `npm start`s, or a start and an e2e run, installing n8n into the one cache
 * folder at once broke the install: the second now waits for the first, says
 * so, and finds the install done. Real processes, a stand-in install.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const runtime = resolve(__dirname, '../../scripts/n8n-runtime.mjs');

/** A process that "installs" into `folder` under the lock until the file `release` exists, logging when it starts and ends. */
function installer(folder: string, name: string) {
	const script = `
		import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
		import { installOnce } from ${JSON.stringify(runtime)};
		const log = (line) => appendFileSync(${JSON.stringify(join(folder, 'log'))}, line + '\\n');
		installOnce(${JSON.stringify(join(folder, 'n8n'))}, 'n8n test', () => existsSync(${JSON.stringify(join(folder, 'done'))}), () => {
			log('start ${name}');
			for (let i = 0; i < 200 && !existsSync(${JSON.stringify(join(folder, 'release'))}); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
			writeFileSync(${JSON.stringify(join(folder, 'done'))}, '');
			log('end ${name}');
		});
	`;
	const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
	const run = { output: '', ended: undefined as unknown as Promise<{ status: number | null; output: string }> };
	child.stdout.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
	run.ended = new Promise((done) => child.on('close', (status) => done({ status, output: run.output })));
	return run;
}

describe('installs into the n8n cache', () => {
	let folder: string;
	beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'helpdesk-lock-'))));
	afterEach(() => rmSync(folder, { recursive: true, force: true }));

	it('run one at a time: the second waits, says why, and finds the first one’s install', async () => {
		const first = installer(folder, 'A');
		// The second starts while the first is installing, and the first holds on until the second has said why it waits.
		while (!existsSync(join(folder, 'log'))) await new Promise((resolve) => setTimeout(resolve, 20));
		const second = installer(folder, 'B');
		for (let i = 0; i < 200 && !second.output.includes('Another install'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
		writeFileSync(join(folder, 'release'), '');
		const [a, b] = await Promise.all([first.ended, second.ended]);

		expect([a.status, b.status]).toEqual([0, 0]);
		expect(readFileSync(join(folder, 'log'), 'utf8')).toBe('start A\nend A\n');
		expect(b.output).toMatch(/Another install of n8n test is under way \(process \d+\); waiting for it to finish/);
	}, 30_000);

	it('take over a lock whose process is gone', async () => {
		const lock = join(folder, 'n8n.lock');
		mkdirSync(lock);
		writeFileSync(join(lock, 'pid'), '999999999');

		writeFileSync(join(folder, 'release'), '');
		const { status } = await installer(folder, 'A').ended;

		expect(status).toBe(0);
		expect(readFileSync(join(folder, 'log'), 'utf8')).toBe('start A\nend A\n');
	}, 20_000);
});
