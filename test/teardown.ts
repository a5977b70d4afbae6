import { rmSync } from 'fs';

import nock from 'nock';

afterAll(() => {
	nock.restore();
	// The user folder test/setup.ts made for this test file.
	const folder = process.env.N8N_USER_FOLDER;
	if (folder?.includes('n8n-nodes-helpdesk-test-')) rmSync(folder, { recursive: true, force: true });
});
