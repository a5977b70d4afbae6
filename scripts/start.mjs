// `npm start`: build the package and run it inside a real n8n on 127.0.0.1:5678.
import { join } from 'node:path';

import { buildPackage, cacheRoot, ensureN8n, ensureOwner, linkPackage, log, n8nEnv, startN8n } from './n8n-runtime.mjs';

const OWNER = { email: 'owner@helpdesk.local', firstName: 'Help', lastName: 'Desk', password: 'Helpdesk-Local-1' };

buildPackage();
ensureN8n();
const userFolder = join(cacheRoot, 'user');
linkPackage(userFolder);

const { child, base } = await startN8n(n8nEnv(userFolder));
await ensureOwner(base, OWNER);
log(`n8n is running with n8n-nodes-helpdesk: ${base}`);
log(`Log in as ${OWNER.email} / ${OWNER.password}. Press Ctrl-C to stop.`);

const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
