import { NodeOperationError, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';

import { credentialNotSet } from '../shared/pastedWebhook';
import { secretMatches } from '../shared/webhookSecret';

const WHATSAPP_WEBHOOK_CREDENTIAL = 'desk360WhatsAppWebhookApi';

/** Where a request must carry the secret, and the secret. */
export interface SecretSetting {
	in: 'queryParameter' | 'header';
	name: string;
	secret: string;
}

type TriggerContext = IWebhookFunctions | IHookFunctions;

/**
 * The secret setting of the node, or undefined when anyone may call it.
 * Version 2 keeps the secret in the Desk360 WhatsApp Webhook credential
 * (Authentication → Webhook Secret); version 1 kept it in node parameters,
 * read as they are so that saved workflows keep working.
 */
export async function secretSetting(context: TriggerContext): Promise<SecretSetting | undefined> {
	if (context.getNode().typeVersion >= 2) {
		if (context.getNodeParameter('authentication', 'webhookSecret') === 'none') return undefined;
		const credential = await context.getCredentials(WHATSAPP_WEBHOOK_CREDENTIAL);
		const header = credential.sentIn === 'header';
		return {
			in: header ? 'header' : 'queryParameter',
			name: String((header ? credential.headerName : credential.parameterName) ?? '').trim(),
			secret: String(credential.secret ?? ''),
		};
	}
	const verification = context.getNodeParameter('verification', 'none') as string;
	if (verification === 'none') return undefined;
	const header = verification === 'header';
	return {
		in: header ? 'header' : 'queryParameter',
		name: String(context.getNodeParameter(header ? 'headerName' : 'queryParameterName', '') ?? '').trim(),
		secret: String(context.getNodeParameter('secret', '') ?? ''),
	};
}

/** Refuses, at publishing, a secret setting that would let no request in (or every request). */
export async function checkSecretSetting(context: IHookFunctions): Promise<void> {
	let setting: SecretSetting | undefined;
	try {
		setting = await secretSetting(context);
	} catch (error) {
		throw credentialNotSet(context, 'Desk360 WhatsApp Webhook', 'Choose or create the credential with the secret Desk360 sends, or set Authentication to None.', error);
	}
	if (setting && (setting.secret === '' || setting.name === '')) {
		throw new NodeOperationError(context.getNode(), `The webhook secret or its ${setting.in === 'header' ? 'header' : 'parameter'} name is empty`, {
			description: 'With an empty secret the trigger would answer every request with 401. Set a long random secret and its name, or set the verification to None.',
		});
	}
}

/** The secret the request carries, where the setting says to look. */
function givenSecret(context: IWebhookFunctions, setting: SecretSetting): unknown {
	if (setting.in === 'header') return context.getHeaderData()[setting.name.toLowerCase()];
	// A repeated parameter arrives as a list: not a secret.
	return (context.getQueryData() as Record<string, unknown>)[setting.name];
}

/** Whether the request may start the workflow: the right secret in the right place, or no verification. */
export async function isVerified(context: IWebhookFunctions): Promise<boolean> {
	let setting: SecretSetting | undefined;
	try {
		setting = await secretSetting(context);
	} catch {
		// No credential to compare with: nobody gets in.
		return false;
	}
	return setting === undefined || secretMatches(setting.secret, givenSecret(context, setting));
}
