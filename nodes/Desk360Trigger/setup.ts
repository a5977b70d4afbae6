import type { IHookFunctions } from 'n8n-workflow';

import { credentialNotSet } from '../shared/pastedWebhook';
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
		throw credentialNotSet(context, 'Desk360 API', 'API Actions need it: choose or create a Desk360 API credential in the node, or clear API Actions.', error);
	}
	actionProduct(context);
}
