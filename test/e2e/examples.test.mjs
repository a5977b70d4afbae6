// End-to-end: the example workflows of examples/ (the ones `npm start` imports
// and the README offers for import) run in real n8n against the sandbox
// with the sandbox credentials, and name only products the sandbox has.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startSandbox } from '../../sandbox/server.mjs';
import { exampleWorkflows, sandboxCredentials } from '../../scripts/examples.mjs';
import { executeWorkflow, importCredentials, importWorkflow, installPackedPackage } from './harness.mjs';

let sandbox;
let userFolder;
const runnable = exampleWorkflows().filter((workflow) => workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger'));

before(async () => {
	({ userFolder } = installPackedPackage());
	sandbox = await startSandbox({ port: 0 });
	await importCredentials(userFolder, sandboxCredentials(sandbox.url));
	for (const workflow of runnable) await importWorkflow(userFolder, workflow);
});

after(async () => {
	await sandbox?.stop();
});

describe('example workflows', () => {
	it('name only products the sandbox has, by their real names', () => {
		const products = new Map(sandbox.state.data.desk360.products.map((product) => [String(product.id), product.name]));
		for (const workflow of exampleWorkflows()) {
			for (const node of workflow.nodes) {
				const product = node.parameters.product;
				if (!product) continue;
				assert.ok(products.has(String(product.value)), `${workflow.name} › ${node.name}: product ${product.value}`);
				if (product.cachedResultName) assert.equal(product.cachedResultName, products.get(String(product.value)), `${workflow.name} › ${node.name}`);
			}
		}
	});

	for (const workflow of runnable) {
		it(`runs "${workflow.name}" without an error`, async () => {
			const { outputs, error } = await executeWorkflow(userFolder, workflow.id);
			assert.equal(error, undefined, JSON.stringify(error));
			const last = workflow.nodes.at(-1).name;
			assert.ok(outputs[last]?.length > 0, `${last} output items`);
		});
	}
});
