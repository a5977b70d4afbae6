import { createHash } from 'crypto';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { clock } from '../shared/clock';
import { credentialNotSet, pastedWebhookMethods, PASTED_WEBHOOK } from '../shared/pastedWebhook';
import { listedNamesSubtitle } from '../shared/subtitle';
import { listEntries } from '../shared/validation';
import { answerNow } from '../shared/webhookAnswer';
import { jsonObjectBody, receivedBytes } from '../shared/webhookBody';
import { recentDeliveries } from './deliveries';
import { eventsField, properties } from './description';
import { eventItemJson, eventNameOf } from './event';
import { isSignedBySendbird } from './signature';

async function apiTokenOf(context: IWebhookFunctions | IHookFunctions): Promise<string> {
	const credentials = await context.getCredentials('sendbirdDeskApi');
	return String(credentials.apiToken ?? '');
}

/** Signatures can only be checked with the credential's API token: without it, publishing fails. */
async function checkSetup(context: IHookFunctions): Promise<void> {
	let apiToken = '';
	try {
		apiToken = await apiTokenOf(context);
	} catch (error) {
		throw credentialNotSet(context, 'Sendbird Desk', "Sendbird signs each webhook with the application's API token: choose or create the Sendbird Desk API credential.", error);
	}
	if (apiToken === '') {
		throw new NodeOperationError(context.getNode(), 'The API token of the Sendbird Desk credential is empty', {
			description: 'Sendbird signs each webhook with the API token: without it every delivery would be answered 401.',
		});
	}
}

/** Whether the delivery's event is one of the names chosen (any case); no names: every event. */
function isChosen(context: IWebhookFunctions, event: string | null): boolean {
	const chosen = listEntries(context.getNodeParameter('events', '')).map((name) => String(name).toLowerCase());
	return chosen.length === 0 || (event !== null && chosen.includes(event.toLowerCase()));
}

export class SendbirdDeskTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sendbird Desk Trigger',
		name: 'sendbirdDeskTrigger',
		icon: { light: 'file:../../icons/sendbirdDesk.svg', dark: 'file:../../icons/sendbirdDesk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: listedNamesSubtitle(eventsField, 'Every event'),
		// n8n's nodes panel merges this trigger into the Sendbird Desk entry and shows this text for both (README: Where to find the nodes).
		description: 'Manage Sendbird Desk tickets, ticket notes, customers, agents and groups, or start a workflow on a Sendbird Desk webhook',
		defaults: { name: 'Sendbird Desk Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sendbirdDeskApi', required: true }],
		webhooks: [PASTED_WEBHOOK],
		properties,
	};

	webhookMethods = pastedWebhookMethods('Sendbird Desk (Dashboard → Settings → Desk → Webhooks)', checkSetup);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// The bytes as Sendbird signed them.
		const raw = await receivedBytes(this);
		let apiToken = '';
		try {
			apiToken = await apiTokenOf(this);
		} catch {
			// No credential: no signature can match (publishing refuses this setup).
		}
		if (!isSignedBySendbird(this, raw, apiToken)) {
			return answerNow(this, 401, {
				message: 'Unauthorized: the x-hub-signature is missing or does not match the body. No workflow was started.',
			});
		}
		const read = jsonObjectBody(undefined, raw, { raw: true });
		if ('problem' in read) {
			return answerNow(this, 400, { message: `Not a Sendbird Desk webhook: ${read.problem}. No workflow was started.` });
		}
		const event = eventNameOf(read.payload);
		if (!isChosen(this, event)) {
			return {
				webhookResponse: { message: `Received. The event ${JSON.stringify(event)} is not chosen in the Sendbird Desk Trigger: no workflow was started.` },
			};
		}
		const deliveries = recentDeliveries(this.getWorkflowStaticData('node'), `${this.getWorkflow().id}/${this.getNode().id}`);
		const fingerprint = createHash('sha256').update(raw).digest('hex');
		if (deliveries.has(fingerprint)) {
			return { webhookResponse: { message: 'Received again: Sendbird retried a delivery that already started the workflow. No second workflow was started.' } };
		}
		deliveries.remember(fingerprint);
		return { workflowData: [[{ json: eventItemJson(read.payload, event, clock.now()) }]] };
	}
}
