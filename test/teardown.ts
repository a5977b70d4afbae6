import { Container } from '@n8n/di';
import nock from 'nock';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

afterAll(() => {
	// n8n-core starts a 60-second cleanup interval with every execution context.
	Container.get(SSHClientsManager).onShutdown();
	nock.restore();
});
