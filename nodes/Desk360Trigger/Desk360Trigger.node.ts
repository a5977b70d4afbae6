import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { searchProducts } from '../Desk360/methods/listSearch';
import { credentials, properties } from './description';
import { runApiActions } from './enrich';
import { isSelected, readFilters } from './filters';
import { eventItem } from './items';
import { readWebhook } from './parse';
import { answerNow } from './respond';
import { isVerified } from './verify';

// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete -- Desk360 has no API to register a webhook: the user pastes the URL in the Desk360 panel (see the notice), so there is nothing to create, check or delete.
export class Desk360Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Desk360 Trigger',
		name: 'desk360Trigger',
		icon: { light: 'file:../../icons/desk360.svg', dark: 'file:../../icons/desk360.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when Desk360 posts a WhatsApp webhook',
		defaults: { name: 'Desk360 Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
				// Without it n8n answers a started workflow with the text "firstEntryJson";
				// empty, it answers {"message": "Workflow was started"}.
				responseData: '',
			},
		],
		properties,
	};

	methods = { listSearch: { searchProducts } };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (!isVerified(this)) {
			return answerNow(this, 401, {
				message: 'Unauthorized: the webhook secret is missing or wrong. No workflow was started.',
			});
		}
		const read = readWebhook(this.getBodyData(), this.getRequestObject().rawBody);
		if ('problem' in read) {
			return answerNow(this, 400, {
				message: `Not a Desk360 WhatsApp webhook: ${read.problem}. No workflow was started.`,
			});
		}

		const filters = readFilters(this);
		const selected = read.events.filter((event) => isSelected(event, filters));
		if (selected.length === 0) {
			// n8n answers 200 with this body and starts nothing.
			return {
				webhookResponse: {
					message: 'Received. No event in it is selected in the Desk360 Trigger: no workflow was started.',
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
