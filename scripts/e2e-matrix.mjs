// `npm run test:matrix`: the end-to-end tests in every older n8n the package
// supports (scripts/n8n-versions.mjs), each installed into the cache once.
// A 'smoke' version runs the SMOKE files: the package loads, every operation of
// every resource, a paced job that waits, a 5xx retry, each trigger, and the
// nodes as tools of an AI Agent and of an MCP server. The newest version runs
// the whole suite through `npm run test:e2e` and `npm run test:queue`; name
// versions as arguments to run only those.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { N8N_VERSIONS, NEWEST } from './n8n-versions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SMOKE = ['nodes', 'trigger', 'ticketTrigger', 'sendbirdTrigger', 'agent', 'mcp'].map((name) => join('test', 'e2e', `${name}.test.mjs`));

const asked = process.argv.slice(2);
const versions = asked.length ? asked : N8N_VERSIONS.filter((version) => version !== NEWEST).map((version) => version.n8n);
let failed = 0;
for (const version of versions) {
	const suite = N8N_VERSIONS.find((known) => known.n8n === version)?.suite ?? 'smoke';
	const files = suite === 'full' ? [join('test', 'e2e')] : SMOKE;
	process.stdout.write(`[helpdesk] n8n ${version}: ${suite === 'full' ? 'every end-to-end test' : 'the smoke set'}\n`);
	const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, N8N_VERSION: version },
	});
	if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
