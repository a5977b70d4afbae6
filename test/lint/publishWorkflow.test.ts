import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

// .github/workflows/publish.yml publishes to npm with a provenance statement
// (n8n's condition for verified community nodes since May 2026). It only runs
// on a release, so a broken order, a renamed npm script or a lost flag would
// show on release day: read as text, its steps are checked here.

const root = resolve(__dirname, '../..');
const workflow = readFileSync(join(root, '.github/workflows/publish.yml'), 'utf8');
const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;

/** The job's steps, each as its lines of text (a step starts with "- " under `steps:`). */
function steps(): string[] {
	const lines = workflow.split('\n');
	const start = lines.findIndex((line) => /^\s*steps:\s*$/.test(line));
	const indent = /^(\s*)- /.exec(lines[start + 1])![1];
	const found: string[][] = [];
	for (const line of lines.slice(start + 1)) {
		if (line.startsWith(`${indent}- `)) found.push([line]);
		else if (line.trim() === '' || line.startsWith(`${indent} `)) found[found.length - 1].push(line);
		else break;
	}
	return found.map((step) => step.join('\n'));
}

/** A step's shell command: `run: x`, or the lines of a `run: |` block. */
function commandOf(step: string): string | undefined {
	const block = /^( *)(?:- )?run: \|\n((?:\1 +.*\n?| *\n)+)/m.exec(step);
	if (block) {
		const lines = block[2].split('\n').filter((line) => line.trim() !== '');
		const margin = Math.min(...lines.map((line) => /^\s*/.exec(line)![0].length));
		return lines.map((line) => line.slice(margin)).join('\n');
	}
	return /^\s*(?:- )?run: (.+)$/m.exec(step)?.[1].trim();
}

const commands = steps().map(commandOf);
const publishStep = steps().find((step) => commandOf(step)?.startsWith('npm publish'));

describe('the publish workflow', () => {
	it('runs on a published release and by hand', () => {
		expect(workflow).toMatch(/^on:\n\s+release:\n\s+types: \[published\]\n\s+workflow_dispatch:/m);
	});

	it('installs, lints, builds and tests, in that order, before it publishes last', () => {
		const order = ['npm ci', 'npm run lint', 'npm run build', 'npm test', 'npm publish --provenance --access public'];
		const positions = order.map((command) => commands.indexOf(command));
		expect(positions).not.toContain(-1);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		const run = commands.filter((command) => command !== undefined);
		expect(run[run.length - 1]).toBe(order[order.length - 1]);
	});

	it('runs only npm scripts that package.json has', () => {
		const used = commands.flatMap((command) => [...(command ?? '').matchAll(/\bnpm (?:run (\S+)|(test)\b)/g)]);
		expect(used.length).toBeGreaterThan(0);
		for (const [, name, test] of used) expect(Object.keys(scripts)).toContain(name ?? test);
	});

	it('may mint the OIDC token the provenance statement needs, and nothing more', () => {
		const [, indent, block] = /^( *)permissions:\n((?:\1 +.*\n)+)/m.exec(workflow) ?? [];
		expect(indent).toBeDefined();
		const granted = block.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
		expect(granted.sort()).toEqual(['contents: read', 'id-token: write']);
	});

	it('publishes with the NPM_TOKEN secret to the npm registry, and says yes to npx during npm ci', () => {
		expect(publishStep).toMatch(/NODE_AUTH_TOKEN: \$\{\{ secrets\.NPM_TOKEN \}\}/);
		expect(workflow).toMatch(/registry-url: https:\/\/registry\.npmjs\.org/);
		expect(workflow).toMatch(/npm_config_yes: true/);
	});

	describe('refuses a release whose tag is not the package version', () => {
		const guard = commands.find((command) => command?.includes('$TAG'));
		let work: string;
		beforeAll(() => {
			work = mkdtempSync(join(tmpdir(), 'helpdesk-publish-workflow-'));
			writeFileSync(join(work, 'package.json'), JSON.stringify({ version: '1.2.3' }));
		});
		afterAll(() => rmSync(work, { recursive: true, force: true }));

		it.each([
			['v1.2.3', 0],
			['v1.2.4', 1],
			['1.2.3', 1],
		])('tag %s: exit code %i', (tag, code) => {
			expect(guard).toBeDefined();
			const run = spawnSync('bash', ['-e', '-c', guard!], { cwd: work, env: { ...process.env, TAG: tag }, encoding: 'utf8' });
			expect(run.status).toBe(code);
		});
	});
});
