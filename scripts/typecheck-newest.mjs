// npm run typecheck:newest: type-checks the nodes and credentials (the files of
// tsconfig.build.json) against the n8n-workflow of the newest supported n8n
// (NEWEST in n8n-versions.mjs), while the dev copy stays the oldest. That copy,
// with its dependencies (its types import theirs) but no install scripts, is
// installed once into the cache folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { cacheFolder } from './cache-folder.mjs';
import { log, packageRoot, run } from './n8n-runtime.mjs';
import { NEWEST } from './n8n-versions.mjs';

const version = NEWEST.n8nWorkflow;
const installed = cacheFolder(`n8n-workflow-${version}`, (staging) => {
	log(`Installing n8n-workflow ${version} into the cache folder...`);
	writeFileSync(join(staging, 'package.json'), JSON.stringify({ private: true, dependencies: { 'n8n-workflow': version } }));
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: staging });
});

// The build's configuration with n8n-workflow resolved to that copy; @types
// still from the package (the temporary file lives outside it).
const work = mkdtempSync(join(installed, '.tsconfig-'));
const tsconfig = join(work, 'tsconfig.json');
writeFileSync(
	tsconfig,
	JSON.stringify({
		extends: join(packageRoot, 'tsconfig.build.json'),
		compilerOptions: {
			noEmit: true,
			typeRoots: [join(packageRoot, 'node_modules', '@types')],
			paths: { 'n8n-workflow': [join(installed, 'node_modules', 'n8n-workflow')] },
		},
	}),
);
log(`Type-checking nodes/ and credentials/ against n8n-workflow ${version} (n8n ${NEWEST.n8n})...`);
const tsc = spawnSync(join(packageRoot, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig], { cwd: packageRoot, stdio: 'inherit' });
rmSync(work, { recursive: true, force: true });
process.exitCode = tsc.status ?? 1;
