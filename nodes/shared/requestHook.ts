import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

type RequestHook = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * Makes every request of a declarative node go through `hook` (rate gate, 429
 * retry, pages, the API's errors). n8n calls `requestOperations.pagination`
 * only for requests marked "paginate", so a hidden field marks every
 * operation; `preSend` steps run for every operation too.
 */
export function routeEveryRequest(hook: RequestHook, preSend: PreSendAction[] = []) {
	const property: INodeProperties = {
		displayName: 'Request Hook',
		name: 'requestHook',
		type: 'hidden',
		default: true,
		routing: { send: { paginate: true, preSend } },
	};
	return { requestOperations: { pagination: hook }, property };
}
