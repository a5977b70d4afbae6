import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, resolve } from 'path';
import { promisify } from 'util';

// n8n 2.41.1 could not load the nodes: they imported sleepWithAbort, which
// n8n-workflow 2.34.0 removed. scripts/n8n-workflow-api.mjs lists what the
// compiled package reads from n8n-workflow and checks it against every version
// of scripts/n8n-versions.mjs. The first run downloads each version's package
// (npm pack) into the cache folder; later runs reuse it.

const root = resolve(__dirname, '../..');
const run = promisify(execFile);

interface Report {
	versions: Array<{ n8n: string; n8nWorkflow: string }>;
	uses: Record<string, string[]>;
	missing: Array<{ name: string; n8nWorkflow: string; n8n: string; files: string[] }>;
}

async function check(files: string[]): Promise<Report> {
	// The script exits with 1 when a name is missing: its report is the same.
	const output = await run('node', ['scripts/n8n-workflow-api.mjs', '--json', ...files], { cwd: root }).catch(
		(failure: { stdout: string; stderr: string }) => failure,
	);
	// No report: it could not run (no registry, a file it cannot read): say why.
	if (!output.stdout.trim()) throw new Error(`scripts/n8n-workflow-api.mjs failed:\n${output.stderr}`);
	return JSON.parse(output.stdout);
}

const fakes = {
	'valueImport.ts': `
		import { NodeOperationError, sleepWithAbort, type IDataObject } from 'n8n-workflow';
		export async function wait(data: IDataObject): Promise<Error> {
			await sleepWithAbort(Number(data.ms));
			return new NodeOperationError({} as never, 'waited');
		}
	`,
	// Erased by the compiler: n8n never looks these names up.
	'typeOnlyImport.ts': `
		import type { sleepWithAbort } from 'n8n-workflow';
		import { type INodeType } from 'n8n-workflow';
		export type Sleep = typeof sleepWithAbort;
		export type Node = INodeType;
	`,
};

let work: string;
let fake: Report;
let real: Report;

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'helpdesk-n8n-workflow-api-'));
	for (const [name, source] of Object.entries(fakes)) writeFileSync(join(work, name), source);
	// One after the other: the first one fills the download cache.
	fake = await check(Object.keys(fakes).map((name) => join(work, name)));
	real = await check([]);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the n8n-workflow API drift check', () => {
	it('names a value import that an n8n-workflow version does not export, with the version', () => {
		const file = relative(root, join(work, 'valueImport.ts'));
		expect(fake.uses).toEqual({ NodeOperationError: [file], sleepWithAbort: [file] });
		expect(fake.missing).toContainEqual({ name: 'sleepWithAbort', n8nWorkflow: '2.41.0', n8n: '2.41.1', files: [file] });
		// 2.8.0 still exports it; NodeOperationError is in every version.
		expect(fake.missing.map(({ name, n8nWorkflow }) => `${name}@${n8nWorkflow}`)).toEqual(['sleepWithAbort@2.41.0']);
	});

	it('reads the nodes and credentials as compiled (their value imports)', () => {
		expect(Object.keys(real.uses)).toEqual(
			expect.arrayContaining(['NodeApiError', 'NodeConnectionTypes', 'NodeOperationError']),
		);
		expect(Object.keys(real.uses)).not.toContain('IDataObject');
	});

	it('finds every name the package reads at run time in every supported n8n-workflow version', () => {
		expect(real.missing).toEqual([]);
	});
});
