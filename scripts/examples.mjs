// Ready-made credentials (pointing at the local sandbox) and example workflows
// that `npm start` imports into n8n, so a newcomer can run the nodes at once.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SANDBOX_CREDENTIALS } from '../sandbox/server.mjs';

const PACKAGE = 'n8n-nodes-helpdesk';
const DESK360 = { id: 'sandboxDesk360Tk', name: 'Desk360 sandbox (API token)' };
const DESK360_LOGIN = { id: 'sandboxDesk360Lg', name: 'Desk360 sandbox (email and password)' };
const SENDBIRD = { id: 'sandboxSendbird1', name: 'Sendbird Desk sandbox' };

export function sandboxCredentials(sandboxUrl) {
	const { desk360, sendbird } = SANDBOX_CREDENTIALS;
	return [
		{ ...DESK360, type: 'desk360Api', data: { authMode: 'apiToken', apiToken: desk360.apiToken, baseUrl: sandboxUrl, sessionToken: '' } },
		{ ...DESK360_LOGIN, type: 'desk360Api', data: { authMode: 'login', email: desk360.email, password: desk360.password, baseUrl: sandboxUrl, sessionToken: '' } },
		{ ...SENDBIRD, type: 'sendbirdDeskApi', data: { applicationId: sendbird.applicationId, apiToken: sendbird.apiToken, baseUrl: `${sandboxUrl}${sendbird.basePath}` } },
	];
}

function workflow(id, name, nodes) {
	const connections = {};
	nodes.slice(1).forEach((node, index) => {
		connections[nodes[index].name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	});
	return {
		id,
		name,
		active: false,
		nodes: nodes.map((node, index) => ({ id: `${id}-${index}`, typeVersion: 1, position: [index * 240, 0], ...node })),
		connections,
		settings: { executionOrder: 'v1' },
	};
}

/** The example workflows users can import too (examples/*.json); they use the sandbox's seeded data (seed 42). */
const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** Example workflows over the sandbox's seeded data: the files in examples/, then the trigger. */
export function exampleWorkflows() {
	const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.json')).sort();
	return [
		...files.map((name) => ({ active: false, ...JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) })),
		workflow('exampleTrigger01', 'Desk360 Trigger: WhatsApp messages (publish it, then post a sandbox webhook)', [
			{
				name: 'Desk360 Trigger',
				type: `${PACKAGE}.desk360Trigger`,
				webhookId: 'a6f1c2d3-0b4e-4f5a-8c7d-000000000001',
				parameters: { events: ['messageReceived'], verification: 'queryParameter', secret: 'sandbox-secret' },
			},
		]),
	];
}
