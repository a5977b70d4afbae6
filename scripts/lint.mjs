// npm run lint: the repository's eslint (TypeScript sources and the tooling's
// .mjs modules), TypeScript's checks of those modules, then n8n's community-package scan on
// the source tree and on the tarball `npm pack` makes, and the tarball's file
// list. Every problem fails, warnings too (n8n's review reads them).
//
// The scan is @n8n/scan-community-package's own analyzePackage(). Its CLI needs
// the registry's provenance and the GitHub source, which this machine cannot
// reach, so the two legs it runs are run here on local copies, with the same
// file patterns. analyzePackage() only reports errors; the ESLint results it
// computes are recorded as well, so its warnings are shown too.
//
// `node scripts/lint.mjs --json DIR...` runs only the source scan on each DIR
// and prints the problems as JSON (used by test/lint).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// eslint-plugin-n8n-nodes-base switches its package.json rules to a mode for its
// own tests when NODE_ENV is "test" (as under jest), where they stay silent.
delete process.env.NODE_ENV;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scannerPath = createRequire(import.meta.url).resolve('@n8n/scan-community-package/scanner/scanner.mjs');
// The ESLint class the scanner itself imports.
const { ESLint } = createRequire(scannerPath)('eslint');

// Every ESLint run's results, the scanner's included (it keeps its warnings to itself).
const recorded = [];
const lintFiles = ESLint.prototype.lintFiles;
ESLint.prototype.lintFiles = async function (patterns) {
	const results = await lintFiles.call(this, patterns);
	recorded.push(...results);
	return results;
};

const work = mkdtempSync(join(tmpdir(), 'helpdesk-lint-'));
// Importing the scanner makes a temporary folder it never removes: make it in ours.
const { TMPDIR } = process.env;
process.env.TMPDIR = work;
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerPath);
if (TMPDIR === undefined) delete process.env.TMPDIR;
else process.env.TMPDIR = TMPDIR;

// The scanner's legs (scanner.mjs, analyzePackageByName): the source's nodes,
// credentials and package.json; the tarball's compiled JS and package.json.
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function problemsOf(results, dir) {
	return results
		.flatMap((result) =>
			result.messages.map((message) => ({
				file: relative(dir, result.filePath),
				line: message.line ?? 0,
				column: message.column ?? 0,
				severity: message.severity === 2 ? 'error' : 'warning',
				rule: message.ruleId ?? 'eslint',
				message: message.message,
			})),
		)
		.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

async function scan(dir, patterns) {
	recorded.length = 0;
	const verdict = await analyzePackage(dir, patterns);
	const problems = problemsOf(recorded, dir);
	if (!verdict.passed && !problems.some((problem) => problem.severity === 'error')) {
		problems.push({ file: '.', line: 0, column: 0, severity: 'error', rule: 'scanner', message: verdict.message });
	}
	return problems;
}

async function repositoryEslint() {
	const eslint = new ESLint({ cwd: root });
	return problemsOf(await eslint.lintFiles(['nodes', 'credentials', 'package.json', '**/*.mjs']), root);
}

function exec(command, args, cwd) {
	return new Promise((done, fail) => {
		const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', fail);
		child.on('close', (code) =>
			code === 0 ? done(output) : fail(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)),
		);
	});
}

/** Builds dist/, packs it as npm publish would, and unpacks the tarball. */
async function packedPackage() {
	await exec('npm', ['run', 'build'], root);
	const [{ filename }] = JSON.parse(await exec('npm', ['pack', '--json', '--pack-destination', work], root));
	const dir = join(work, 'package');
	mkdirSync(dir);
	// As the scanner unpacks a downloaded tarball.
	await exec('tar', ['-xzf', join(work, filename), '-C', dir, '--strip-components=1'], work);
	return dir;
}

function filesUnder(dir) {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => statSync(join(dir, file)).isFile())
		.map((file) => file.split(sep).join('/'))
		.sort();
}

// What n8n loads, and the files npm always adds: anything else is dead weight
// or, like a source map of an unshipped .ts file, points at something missing.
const SHIPPED = [
	/^package\.json$/,
	/^README\.md$/,
	/^LICENSE$/,
	/^dist\/(credentials|nodes)\/.+\.js$/,
	/^dist\/nodes\/[^/]+\/[^/]+\.node\.json$/,
	/^dist\/icons\/[^/]+\.svg$/,
];
const TEST_FILE = /(^|\/)(__tests__|__mocks__|tests?)\/|\.(test|spec)\.js$/;

function tarballFileProblems(dir) {
	const files = filesUnder(dir);
	const problem = (file, message) => ({ file, line: 0, column: 0, severity: 'error', rule: 'tarball-files', message });
	const problems = [];
	for (const file of files) {
		if (!SHIPPED.some((pattern) => pattern.test(file)) || TEST_FILE.test(file)) {
			problems.push(problem(file, 'not something n8n runs: keep it out of the tarball'));
		} else if (file.endsWith('.js') && readFileSync(join(dir, file), 'utf8').includes('sourceMappingURL')) {
			problems.push(problem(file, 'refers to a source map the tarball does not ship'));
		}
	}
	for (const required of ['README.md', 'LICENSE']) {
		if (!files.includes(required)) problems.push(problem(required, 'missing from the tarball'));
	}
	const { n8n } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	for (const file of [...(n8n?.nodes ?? []), ...(n8n?.credentials ?? [])]) {
		if (!files.includes(file)) problems.push(problem(file, 'listed in package.json n8n but not in the tarball'));
	}
	return problems;
}

function print(title, problems) {
	const errors = problems.filter((problem) => problem.severity === 'error').length;
	const warnings = problems.length - errors;
	process.stdout.write(`${title}: ${errors} error(s), ${warnings} warning(s)\n`);
	for (const { file, line, column, severity, rule, message } of problems) {
		process.stdout.write(`  ${file}:${line}:${column}  ${severity}  ${message}  [${rule}]\n`);
	}
}

/**
 * TypeScript's checks of a project: tsconfig.json (the sources and the jest
 * tests, which jest only transpiles) or tsconfig.scripts.json (the tooling's
 * ES modules: sandbox, scripts, bench, e2e).
 */
async function typeErrors(project) {
	const tsc = join(root, 'node_modules', '.bin', 'tsc');
	try {
		await exec(tsc, ['--noEmit', '-p', project], root);
		return [];
	} catch (error) {
		return String(error.message)
			.split('\n')
			.filter((line) => / error TS\d+:/.test(line))
			.map((line) => {
				const match = /^(.+?)\((\d+),(\d+)\): error (.+)$/.exec(line);
				const [file, lineNumber, column, message] = match ? match.slice(1) : [line, 0, 0, line];
				return { file, line: Number(lineNumber), column: Number(column), severity: 'error', rule: 'tsc', message };
			});
	}
}

async function lintRepository() {
	// The build and pack run in child processes while the source is linted here.
	const packing = packedPackage();
	const typing = [typeErrors('tsconfig.json'), typeErrors('tsconfig.scripts.json')];
	// A failed build is reported where it is awaited, after the source's results.
	packing.catch(() => {});
	let passed = true;
	const leg = (title, problems) => {
		print(title, problems);
		passed &&= problems.length === 0;
	};
	leg('eslint (eslint.config.mjs)', await repositoryEslint());
	leg('tsc (tsconfig.json: sources and tests)', await typing[0]);
	leg('tsc (tsconfig.scripts.json: tooling)', await typing[1]);
	leg('n8n scan, source tree', await scan(root, SOURCE_FILE_PATTERNS));
	const tarball = await packing;
	leg('n8n scan, npm pack tarball', await scan(tarball, TARBALL_FILE_PATTERNS));
	leg('npm pack tarball, file list', tarballFileProblems(tarball));
	return passed;
}

async function scanDirectories(dirs) {
	const report = [];
	for (const dir of dirs) report.push({ dir, problems: await scan(resolve(dir), SOURCE_FILE_PATTERNS) });
	process.stdout.write(`${JSON.stringify(report)}\n`);
	return report.every(({ problems }) => problems.length === 0);
}

let passed = false;
try {
	const [flag, ...dirs] = process.argv.slice(2);
	passed = flag === '--json' ? await scanDirectories(dirs) : await lintRepository();
} catch (error) {
	process.stderr.write(`${error.stack ?? error}\n`);
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exitCode = passed ? 0 : 1;
