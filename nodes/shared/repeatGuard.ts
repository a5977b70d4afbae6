/**
 * Writes an AI agent cannot repeat by accident: a model in a loop may call
 * the same Reply twice with the same text, and the customer would get it
 * twice. In tool mode a write with exactly the same request as one this
 * node sent within the guard's seconds is not sent again; the tool answers
 * with the first call's result and says so. 0 seconds switches it off.
 */
import type { IDataObject, IExecutePaginationFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { clock } from './clock';

export const repeatGuardField: INodeProperties = {
	displayName: 'Skip Identical Repeats Within (Seconds)',
	name: 'repeatGuardSeconds',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: 300,
	description:
		"When the AI agent calls this tool again with exactly the same values within this many seconds, it is not sent again: the tool answers with the first call's result and says so. 0 sends every call.",
	displayOptions: { show: { '@tool': [true] } },
};

interface Sent {
	at: number;
	until: number;
	answer: Promise<INodeExecutionData[]>;
}

/** The writes of this process, by node and request, until their guard's time is up. */
const sent = new Map<string, Sent>();

/** JSON with the keys of every object in order, so that equal requests give equal text. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.keys(value as IDataObject)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

function isPlainData(value: unknown): boolean {
	return value === undefined || value === null || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype;
}

function forget(now: number): void {
	for (const [key, entry] of sent) if (entry.until <= now) sent.delete(key);
}

export interface Guarded {
	items: INodeExecutionData[];
	/** Set when the request was not sent again: how long ago the first one was. */
	repeatedAfterMs?: number;
}

/**
 * Sends the write through `send` unless the same node sent the same request
 * within the guard's seconds (then the first call's answer). A failed first
 * call is not remembered: the next one sends. Files (multipart bodies) are
 * always sent: their bytes are not compared.
 */
export async function guardRepeat(
	context: IExecutePaginationFunctions,
	request: IHttpRequestOptions,
	send: () => Promise<INodeExecutionData[]>,
): Promise<Guarded> {
	const seconds = Number(context.getNodeParameter('repeatGuardSeconds', 0));
	if (!(seconds > 0) || !isPlainData(request.body)) return { items: await send() };
	const node = context.getNode();
	const credentialIds = Object.values(node.credentials ?? {}).map((credential) => credential.id);
	const key = canonical([context.getWorkflow().id, node.name, credentialIds, request.method, request.url, request.qs, request.body]);
	const now = clock.now();
	forget(now);
	const previous = sent.get(key);
	if (previous) {
		try {
			return { items: await previous.answer, repeatedAfterMs: now - previous.at };
		} catch {
			// The first call failed, so nothing was sent twice: this one sends.
		}
	}
	const answer = send();
	sent.set(key, { at: now, until: now + seconds * 1000, answer });
	answer.catch(() => {
		if (sent.get(key)?.answer === answer) sent.delete(key);
	});
	return { items: await answer };
}
