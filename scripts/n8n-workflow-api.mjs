// The n8n-workflow names the compiled package takes at run time, checked against
// the exports of every n8n-workflow version n8n-versions.mjs lists: n8n 2.41.1
// failed to load the nodes because n8n-workflow 2.34.0 removed sleepWithAbort,
// which they imported. Type-only imports vanish from the compiled code and are
// not counted: n8n never looks them up.
//
// `node scripts/n8n-workflow-api.mjs` prints the table and fails on a missing
// name; `--json` prints { versions, uses, missing } instead; files given after
// the flags are checked in place of the package's (test/compat uses both).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

import { cacheFolder } from './cache-folder.mjs';
import { packageRoot } from './n8n-runtime.mjs';
import { N8N_VERSIONS } from './n8n-versions.mjs';

/** What `npm run build` compiles (tsconfig.build.json): its files and compiler options. */
export function buildConfig() {
	const file = join(packageRoot, 'tsconfig.build.json');
	const { config } = ts.readConfigFile(file, ts.sys.readFile);
	return ts.parseJsonConfigFileContent(config, ts.sys, packageRoot, undefined, file);
}

function isN8nWorkflowRequire(node) {
	return (
		ts.isCallExpression(node) &&
		ts.isIdentifier(node.expression) &&
		node.expression.text === 'require' &&
		node.arguments.length === 1 &&
		ts.isStringLiteral(node.arguments[0]) &&
		node.arguments[0].text === 'n8n-workflow'
	);
}

/**
 * The names a module's compiled code reads from n8n-workflow: the members read
 * off each `const x = require("n8n-workflow")` (or the __importStar/__importDefault
 * wrap of it) that TypeScript emits for a value import.
 */
export function runtimeImportsOf(fileName, source, compilerOptions) {
	const { outputText } = ts.transpileModule(source, { compilerOptions, fileName });
	const compiled = ts.createSourceFile(fileName.replace(/\.ts$/, '.js'), outputText, ts.ScriptTarget.Latest, true);
	const bindings = new Set();
	const names = new Set();
	const visit = (node) => {
		if (isN8nWorkflowRequire(node)) {
			let holder = node.parent;
			if (ts.isCallExpression(holder) && holder.arguments[0] === node) holder = holder.parent;
			if (!ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name)) {
				// e.g. `export * from 'n8n-workflow'` or a dynamic import: the names cannot be listed.
				throw new Error(`${fileName}: n8n-workflow is used in a way this check cannot read: ${holder.getText()}`);
			}
			bindings.add(holder.name.text);
		}
		if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && bindings.has(node.expression.text)) {
			names.add(node.name.text);
		}
		ts.forEachChild(node, visit);
	};
	visit(compiled);
	return names;
}

/** Each name the given files (default: the package's nodes and credentials) read from n8n-workflow, with the files reading it. */
export function runtimeImports(files) {
	const { fileNames, options } = buildConfig();
	const uses = {};
	for (const file of files ?? fileNames.filter((name) => !name.endsWith('.d.ts'))) {
		const path = resolve(file);
		for (const name of runtimeImportsOf(path, readFileSync(path, 'utf8'), options)) {
			(uses[name] ??= []).push(relative(packageRoot, path));
		}
	}
	return uses;
}

/** The published package of an n8n-workflow version, unpacked under the cache (only its own files: no dependencies). */
function packedN8nWorkflow(version) {
	const dir = cacheFolder(`n8n-workflow-packed-${version}`, (staging) => {
		// Output kept back (npm pack lists every file), shown when it fails.
		const run = (command, args) => {
			try {
				return execFileSync(command, args, { cwd: staging, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
			} catch (error) {
				throw new Error(`${command} ${args.join(' ')} failed:\n${error.stderr}`);
			}
		};
		const [{ filename }] = JSON.parse(run('npm', ['pack', `n8n-workflow@${version}`, '--json', '--loglevel=error', '--pack-destination', staging]));
		run('tar', ['-xzf', filename]);
	});
	return join(dir, 'package');
}

/** The names an n8n-workflow version exports as values, read from its type declarations. */
export function runtimeExportsOf(version) {
	const dir = packedN8nWorkflow(version);
	const { types, typings } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	const entry = join(dir, types ?? typings);
	const program = ts.createProgram([entry], {
		noEmit: true,
		types: [],
		module: ts.ModuleKind.CommonJS,
		moduleResolution: ts.ModuleResolutionKind.Node10,
	});
	const checker = program.getTypeChecker();
	const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)));
	const isValue = (symbol) =>
		((symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol).flags & ts.SymbolFlags.Value) !== 0;
	return new Set(exported.filter(isValue).map((symbol) => symbol.name));
}

/** Every (name, version) where a name the files read is not exported by an n8n-workflow of N8N_VERSIONS. */
export function checkN8nWorkflowApi(files) {
	const uses = runtimeImports(files);
	const versions = N8N_VERSIONS.map(({ n8n, n8nWorkflow }) => ({ n8n, n8nWorkflow }));
	const exportsByVersion = new Map();
	for (const { n8nWorkflow } of versions) {
		if (!exportsByVersion.has(n8nWorkflow)) exportsByVersion.set(n8nWorkflow, runtimeExportsOf(n8nWorkflow));
	}
	const missing = [];
	for (const [name, usedIn] of Object.entries(uses).sort(([a], [b]) => a.localeCompare(b))) {
		for (const { n8n, n8nWorkflow } of versions) {
			if (!exportsByVersion.get(n8nWorkflow).has(name)) missing.push({ name, n8nWorkflow, n8n, files: usedIn });
		}
	}
	return { versions, uses, missing };
}

function printTable({ versions, uses, missing }) {
	const header = ['name', ...versions.map(({ n8n, n8nWorkflow }) => `${n8nWorkflow} (n8n ${n8n})`)];
	const rows = Object.keys(uses)
		.sort()
		.map((name) => [
			name,
			...versions.map(({ n8n }) => (missing.some((gap) => gap.name === name && gap.n8n === n8n) ? 'MISSING' : 'ok')),
		]);
	const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
	for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}\n`);
	for (const { name, n8nWorkflow, n8n, files } of missing) {
		process.stdout.write(`\n${name} is not exported by n8n-workflow ${n8nWorkflow} (n8n ${n8n}); used in ${files.join(', ')}`);
	}
	if (missing.length > 0) process.stdout.write('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const json = args.includes('--json');
	const files = args.filter((arg) => arg !== '--json');
	const report = checkN8nWorkflowApi(files.length > 0 ? files : undefined);
	if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
	else printTable(report);
	process.exitCode = report.missing.length > 0 ? 1 : 0;
}
