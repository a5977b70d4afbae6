import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { searchProducts } from '../Desk360/methods/listSearch';
import { pastedWebhookMethods, PASTED_WEBHOOK } from '../shared/pastedWebhook';
import { chosenOptionsSubtitle } from '../shared/subtitle';
import { answerNow } from '../shared/webhookAnswer';
import { receivedBytes } from '../shared/webhookBody';
import { desk360WhatsAppWebhookTest } from './credentialTest';
import { credentialWithApiActions, eventsField, properties } from './description';
import { runApiActions } from './enrich';
import { isSelected, readFilters } from './filters';
import { eventItem } from './items';
import { readWebhook } from './parse';
import { checkSetup } from './setup';
import { isVerified } from './verification';

/**
 * The most events one delivery may start the workflow with (messages, status
 * updates, chatbot turns, auto replies together); a bigger body is answered
 * 413 and starts nothing.
 */
export const MAX_EVENTS_PER_DELIVERY = 100;

export class Desk360Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Desk360 WhatsApp Trigger',
		// The name of version 1, kept so that saved workflows find the node.
		name: 'desk360Trigger',
		icon: { light: 'file:../../icons/desk360.svg', dark: 'file:../../icons/desk360.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: chosenOptionsSubtitle(eventsField),
		// n8n's nodes panel merges this trigger into the Desk360 entry and shows this text for both (README: Where to find the nodes).
		description:
			'Manage Desk360 tickets, agents, reasons, ticket types and WhatsApp messages, or start a workflow on a Desk360 WhatsApp webhook (ticket changes: Desk360 Ticket Trigger)',
		defaults: { name: 'Desk360 WhatsApp Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'desk360WhatsAppWebhookApi',
				displayName: 'Webhook Secret',
				required: true,
				testedBy: 'desk360WhatsAppWebhookTest',
				displayOptions: { show: { authentication: ['webhookSecret'] } },
			},
			{
				name: 'desk360Api',
				displayName: 'Desk360 API (for API Actions only)',
				required: false,
				displayOptions: credentialWithApiActions,
			},
		],
		webhooks: [PASTED_WEBHOOK],
		properties,
	};

	methods = {
		listSearch: { searchProducts },
		credentialTest: { desk360WhatsAppWebhookTest },
	};

	webhookMethods = pastedWebhookMethods('Desk360 (WhatsApp Accounts → Public API → webhook URL)', checkSetup);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (!(await isVerified(this))) {
			return answerNow(this, 401, {
				message: 'Unauthorized: the webhook secret is missing or wrong. No workflow was started.',
			});
		}
		const read = readWebhook(this.getBodyData(), await receivedBytes(this));
		if ('problem' in read) {
			return answerNow(this, 400, {
				message: `Not a Desk360 WhatsApp webhook: ${read.problem}. No workflow was started.`,
			});
		}
		if (read.events.length > MAX_EVENTS_PER_DELIVERY) {
			return answerNow(this, 413, {
				message: `Too many events in one delivery: ${read.events.length}, at most ${MAX_EVENTS_PER_DELIVERY}. No workflow was started.`,
			});
		}

		const filters = readFilters(this);
		const selected = read.events.filter((event) => isSelected(event, filters));
		if (selected.length === 0) {
			// n8n answers 200 with this body and starts nothing.
			return {
				webhookResponse: {
					message: 'Received. No event in it is selected in the Desk360 WhatsApp Trigger: no workflow was started.',
				},
			};
		}

		const includeRawPayload = this.getNodeParameter('options.includeRawPayload', false) as boolean;
		const items = selected.map((event) => eventItem(event, includeRawPayload ? read.payload : undefined));
		const actions = this.getNodeParameter('apiActions', []) as string[];
		if (actions.length === 0) return { workflowData: [items] };

		// Desk360 gets its answer before the API calls, which may wait on its rate limit.
		const answered = answerNow(this, 200, { message: 'Workflow was started' });
		await runApiActions(this, selected, items, actions);
		return { ...answered, workflowData: [items] };
	}
}
