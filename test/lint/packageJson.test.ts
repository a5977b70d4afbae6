import { execFile } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { promisify } from 'util';

// package.json rules once stayed silent under the wrong parser: prove that both
// npm run lint legs that read package.json (n8n's scan and the repository's
// eslint) reject broken copies of it and accept the real one.

const root = resolve(__dirname, '../..');
const run = promisify(execFile);
// Not jest's NODE_ENV=test: under it eslint-plugin-n8n-nodes-base's package.json
// rules run in the mode of its own tests and stay silent.
const env = { ...process.env, NODE_ENV: undefined };

type PackageJson = Record<string, unknown> & { keywords: string[]; author: Record<string, string> };
interface Problem {
	file: string;
	severity: 'error' | 'warning';
	rule: string;
	message: string;
}

const real = (): PackageJson => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const broken: Record<string, { edit: (json: PackageJson) => void; rule: string }> = {
	'a runtime dependency': {
		edit: (json) => (json.dependencies = { axios: '1.18.0' }),
		rule: '@n8n/community-nodes/no-runtime-dependencies',
	},
	'a name without n8n-nodes-': {
		edit: (json) => (json.name = 'helpdesk-nodes'),
		rule: '@n8n/community-nodes/package-name-convention',
	},
	'no n8n-community-node-package keyword': {
		edit: (json) => (json.keywords = json.keywords.filter((keyword) => keyword !== 'n8n-community-node-package')),
		rule: 'n8n-nodes-base/community-package-json-keywords-without-official-tag',
	},
	'an author without email': {
		edit: (json) => delete json.author.email,
		rule: '@n8n/community-nodes/valid-author',
	},
	'an overrides field': {
		edit: (json) => (json.overrides = { xlsx: '0.18.5' }),
		rule: '@n8n/community-nodes/no-overrides-field',
	},
	'a postinstall script': {
		edit: (json) => ((json.scripts as Record<string, string>).postinstall = 'node setup.js'),
		rule: '@n8n/community-nodes/no-forbidden-lifecycle-scripts',
	},
};

const cases = ['the real package.json', ...Object.keys(broken)];
let work: string;
let scanned: Map<string, Problem[]>;
let linted: Map<string, Problem[]>;

// The repository's eslint (eslint.config.mjs) on each text as the root package.json,
// in one process: eslint loads its config as an ES module, which jest cannot.
const eslintScript = `
	import { ESLint } from 'eslint';
	let input = '';
	for await (const chunk of process.stdin) input += chunk;
	const eslint = new ESLint();
	const results = [];
	for (const text of JSON.parse(input)) results.push(await eslint.lintText(text, { filePath: 'package.json' }));
	process.stdout.write(JSON.stringify(results.map(([result]) => result.messages)));
`;

async function eslint(texts: string[]): Promise<Problem[][]> {
	const pending = run('node', ['--input-type=module', '-e', eslintScript], { cwd: root, env });
	pending.child.stdin!.end(JSON.stringify(texts));
	const messages: Array<Array<{ severity: number; ruleId: string; message: string }>> = JSON.parse(
		(await pending).stdout,
	);
	return messages.map((list) =>
		list.map((message) => ({
			file: 'package.json',
			severity: message.severity === 2 ? 'error' : 'warning',
			rule: message.ruleId,
			message: message.message,
		})),
	);
}

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'helpdesk-package-json-'));
	const texts = cases.map((name) => {
		const json = real();
		broken[name]?.edit(json);
		return JSON.stringify(json, null, 2);
	});
	const dirs = cases.map((_, index) => join(work, String(index)));
	dirs.forEach((dir, index) => {
		mkdirSync(dir);
		writeFileSync(join(dir, 'package.json'), texts[index]);
	});
	// One scanner process for all copies: it takes a second or two to start.
	// It exits with 1 when a copy fails, which most do.
	const scan = run('node', ['scripts/lint.mjs', '--json', ...dirs], { cwd: root, env }).catch(
		(failure: { stdout: string }) => failure,
	);
	const [scanOutput, eslintProblems] = await Promise.all([scan, eslint(texts)]);
	const report: Array<{ dir: string; problems: Problem[] }> = JSON.parse(scanOutput.stdout);
	scanned = new Map(cases.map((name, index) => [name, report[index].problems]));
	linted = new Map(cases.map((name, index) => [name, eslintProblems[index]]));
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each([
	["n8n's scan", () => scanned],
	["the repository's eslint", () => linted],
])('package.json rules in %s', (_, problems) => {
	it('pass the real package.json, without warnings', () => {
		expect(problems().get('the real package.json')).toEqual([]);
	});

	it.each(Object.entries(broken))('fail a copy with %s', (name, { rule }) => {
		expect(problems().get(name)).toContainEqual(
			expect.objectContaining({ file: 'package.json', severity: 'error', rule }),
		);
	});
});
