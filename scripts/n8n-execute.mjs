// The one `n8n execute` runner of the end-to-end tests and the benchmark: runs a
// workflow under GNU time (wall time, peak memory of the n8n process) and reads
// the run data n8n prints (each node's execution time, output items, error).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { freePort, n8nBin, n8nEnv } from './n8n-runtime.mjs';

const TIME = '/usr/bin/time';

/** The execution JSON n8n prints (after its log lines), successful or not. */
function runDataOf(stdout) {
	const start = stdout.indexOf('\n{\n');
	const end = stdout.lastIndexOf('\n}');
	if (start < 0 || end < start) return undefined;
	const parsed = JSON.parse(stdout.slice(start + 1, end + 2));
	return parsed.data ?? parsed;
}

/**
 * Runs `n8n execute --id=<workflowId>`. Returns the wall time, the peak memory
 * (NaN without GNU time), the run data and n8n's own log.
 */
export async function executeWorkflow(userFolder, workflowId) {
	const peakFile = join(userFolder, `peak-${workflowId}.txt`);
	rmSync(peakFile, { force: true });
	const args = ['execute', `--id=${workflowId}`, '--rawOutput'];
	// GNU time reports the peak resident set size of the process it runs (n8n execs node).
	const [command, commandArgs] = existsSync(TIME) ? [TIME, ['-f', '%M', '-o', peakFile, n8nBin, ...args]] : [n8nBin, args];
	// Output into a file, not a pipe: n8n exits right after printing, and Node
	// writes to a pipe asynchronously, so a large run's JSON would be cut short.
	const files = [join(userFolder, `stdout-${workflowId}.txt`), join(userFolder, `stderr-${workflowId}.txt`)];
	const fds = files.map((file) => openSync(file, 'w'));
	// Its own task-runner port, so it can run beside a started n8n.
	const env = n8nEnv(userFolder, { N8N_RUNNERS_BROKER_PORT: await freePort() });
	const startedAt = performance.now();
	const child = spawn(command, commandArgs, { env, stdio: ['ignore', ...fds] });
	const status = await new Promise((done) => child.on('close', done));
	const wallMs = performance.now() - startedAt;
	fds.forEach((fd) => closeSync(fd));
	const [output, errors] = files.map((file) => readFileSync(file, 'utf8'));
	const data = runDataOf(output);
	if (!data?.resultData) throw new Error(`n8n execute printed no run data (exit ${status}):\n${output.slice(-3000)}\n${errors.slice(-3000)}`);
	const peak = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8').trim().split('\n').pop()) : NaN;
	return { wallMs, peakRssMb: peak / 1024, data, log: output + errors };
}

/** What one node did in the run: its own execution time, its output items, its error. */
export function nodeRun(data, nodeName) {
	const run = data.resultData.runData[nodeName]?.[0];
	return {
		executionMs: run?.executionTime,
		items: run?.data?.main?.[0]?.map((item) => item.json) ?? [],
		error: run?.error?.message ?? data.resultData.error?.message,
	};
}
