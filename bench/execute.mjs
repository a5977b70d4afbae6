// Runs one workflow with `n8n execute` under GNU time, for its wall time, the
// peak memory of the n8n process and the run data (each node's execution time
// and output items).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { n8nBin, n8nEnv } from '../scripts/n8n-runtime.mjs';

const TIME = '/usr/bin/time';

/** The execution JSON n8n prints (after its log lines), successful or not. */
function runDataOf(stdout) {
	const start = stdout.indexOf('\n{\n');
	const end = stdout.lastIndexOf('\n}');
	if (start < 0 || end < start) return undefined;
	const parsed = JSON.parse(stdout.slice(start + 1, end + 2));
	return parsed.data ?? parsed;
}

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
	const startedAt = performance.now();
	const child = spawn(command, commandArgs, { env: n8nEnv(userFolder), stdio: ['ignore', ...fds] });
	const status = await new Promise((done) => child.on('close', done));
	const wallMs = performance.now() - startedAt;
	fds.forEach((fd) => closeSync(fd));
	const [output, errors] = files.map((file) => readFileSync(file, 'utf8'));
	const data = runDataOf(output);
	if (!data?.resultData) throw new Error(`n8n execute printed no run data (exit ${status}):\n${output.slice(-3000)}\n${errors.slice(-3000)}`);
	const peak = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8').trim().split('\n').pop()) : NaN;
	return { wallMs, peakRssMb: peak / 1024, data };
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
