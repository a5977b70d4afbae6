import { rmSync } from 'fs';

import { Container } from '@n8n/di';
import nock from 'nock';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

afterAll(() => {
	// n8n-core starts a 60-second cleanup interval with every execution context.
	Container.get(SSHClientsManager).onShutdown();
	nock.restore();
	// The user folder test/setup.ts made for this test file.
	const folder = process.env.N8N_USER_FOLDER;
	if (folder?.includes('n8n-nodes-helpdesk-test-')) rmSync(folder, { recursive: true, force: true });
});
