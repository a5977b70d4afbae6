// A folder under the cache (cacheRoot of n8n-runtime.mjs) filled once and reused.
// It is filled in a staging folder and renamed into place when complete, so an
// interrupted download is never mistaken for a finished one, and two processes
// filling it at once (jest workers, two scripts) both end with a whole copy.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { cacheRoot } from './n8n-runtime.mjs';

/** The path of cacheRoot/name, after `fill(stagingDir)` made it if it was missing. */
export function cacheFolder(name, fill) {
	const dir = join(cacheRoot, name);
	if (existsSync(dir)) return dir;
	mkdirSync(cacheRoot, { recursive: true });
	const staging = mkdtempSync(join(cacheRoot, `.${name}-`));
	try {
		fill(staging);
		renameSync(staging, dir);
	} catch (error) {
		rmSync(staging, { recursive: true, force: true });
		// Another process finished the same folder first: use its copy.
		if (!existsSync(dir)) throw error;
	}
	return dir;
}
