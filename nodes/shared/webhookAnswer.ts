import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** The part of n8n's response object (an Express response) the trigger writes to. */
interface HttpResponse {
	writeHead(statusCode: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

/**
 * Answers the webhook request now, with a status of the node's choosing and a
 * JSON body, and tells n8n that the request is answered (noWebhookResponse).
 */
export function answerNow(
	context: IWebhookFunctions,
	statusCode: number,
	body: IDataObject,
): IWebhookResponseData {
	const response = context.getResponseObject() as HttpResponse;
	response.writeHead(statusCode, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}
