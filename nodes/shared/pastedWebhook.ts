import { NodeOperationError, type IHookFunctions, type IWebhookDescription } from 'n8n-workflow';

/*
 * The webhook lifecycle of a service without a webhook API, whose URL the user
 * pastes into the service's own panel (Desk360, Sendbird Desk). n8n calls
 * checkExists when the workflow is published (or listens for a test event),
 * create when checkExists said no, and delete when it is unpublished. Nothing
 * can be registered or removed at the service, so the node does what it can:
 * it checks its own setup on every activation (an error fails the activation,
 * instead of every delivery failing later), records in the workflow's static
 * data which URL the service has to call, says where to paste it in n8n's log,
 * and forgets the record on delete. The service keeps calling a pasted URL
 * until the user removes it there; n8n answers 404 while nothing listens.
 */

const RECORD = 'pastedWebhookUrl';

/** The one webhook of such a trigger, at <n8n>/webhook/<id>/webhook. */
export const PASTED_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	// The service waits little for the answer (Sendbird 1 s): n8n answers as soon as webhook() returns.
	responseMode: 'onReceived',
	path: 'webhook',
	// Without it n8n answers a started workflow with the text "firstEntryJson";
	// empty, it answers {"message": "Workflow was started"}.
	responseData: '',
};

/**
 * The webhookMethods of a trigger whose URL is pasted by hand: `checkSetup`
 * checks the node's own setup on every activation; `whereToPaste` names the
 * place in the service's panel for the log line.
 */
export function pastedWebhookMethods(whereToPaste: string, checkSetup: (context: IHookFunctions) => Promise<void>) {
	return {
		default: {
			/** Checks the node's setup, then whether the URL to paste was recorded already. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await checkSetup(this);
				return this.getWorkflowStaticData('node')[RECORD] === this.getNodeWebhookUrl('default');
			},
			/** Records the URL the service has to call, and says where to paste it. */
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				this.getWorkflowStaticData('node')[RECORD] = url;
				this.logger.info(`${this.getNode().name}: ${whereToPaste} must call ${url} (it cannot be registered through an API)`);
				return true;
			},
			/** Forgets the record; the URL stays pasted at the service until the user removes it there. */
			async delete(this: IHookFunctions): Promise<boolean> {
				delete this.getWorkflowStaticData('node')[RECORD];
				return true;
			},
		},
	};
}

/** The error that fails a publishing when a credential the node needs is not set: what it is, what to do, and n8n's reason. */
export function credentialNotSet(context: IHookFunctions, credential: string, advice: string, cause: unknown): NodeOperationError {
	return new NodeOperationError(context.getNode(), `The ${credential} credential is not set`, {
		description: `${advice} (${(cause as Error).message})`,
	});
}
