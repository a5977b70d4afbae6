// Installs the package's dev dependencies on a fresh clone, so `npm test` and
// `npm start` work as the first command. Does nothing once node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDependencies() {
	if (existsSync(join(root, 'node_modules', '.bin', 'jest'))) return;
	process.stdout.write('[helpdesk] Installing the package dependencies (npm ci)...\n');
	// eslint-plugin-n8n-nodes-base's preinstall asks npx to confirm a tool: say yes.
	const result = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDependencies();
