import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';

import { actionProduct } from './enrich';
import { checkSecretSetting } from './verification';

/**
 * What must be set before Desk360 can be answered, checked on every
 * publishing (see pastedWebhook.ts): a usable secret, and for API actions the
 * Desk360 API credential and the product.
 */
export async function checkSetup(context: IHookFunctions): Promise<void> {
	await checkSecretSetting(context);
	const actions = context.getNodeParameter('apiActions', []) as string[];
	if (actions.length === 0) return;
	try {
		await context.getCredentials('desk360Api');
	} catch (error) {
		throw new NodeOperationError(context.getNode(), 'API Actions need the Desk360 API credential', {
			description: `Choose or create a Desk360 API credential in the node, or clear API Actions. (${(error as Error).message})`,
		});
	}
	actionProduct(context);
}
