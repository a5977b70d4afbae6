// A scripted OpenAI-compatible chat model, so that n8n's AI Agent can run
// against the sandbox with no network: `POST <prefix>/chat/completions` (plain
// or streamed), `GET <prefix>/models` (n8n lists models and tests the
// credential with it). The test scripts its answers (`POST
// /__sandbox/model/script`) and reads every request it received (`GET
// /__sandbox/model/requests`); without a script it follows a small demo
// policy so that example workflows run under `npm start`.
import { randomUUID } from 'node:crypto';

import { readBody } from './body.mjs';
import { SANDBOX_CREDENTIALS } from './seed.mjs';

export const MODEL_ID = 'sandbox-model';

export function createModelState() {
	return { steps: null, requests: [] };
}

/**
 * Checks and keeps a script: each step answers one request, in order.
 *   { calls: [{ tool, arguments }] }   tool calls (several: in parallel); `{ tool, arguments }` alone is one call
 *   { answer: 'text' }                 the final answer
 * `tool` is a tool's exact name or `/regex/flags` matched against the names offered.
 * An argument `{ fromLastResult: 'path' }` takes a value from the last tool result
 * (its JSON; `0.id`, or `id` for the first object of a list).
 */
export function setScript(model, steps) {
	if (!Array.isArray(steps)) throw new Error('steps must be a list');
	for (const [index, step] of steps.entries()) {
		const calls = callsOf(step);
		const valid = typeof step?.answer === 'string' || (calls && calls.length > 0 && calls.every((call) => typeof call?.tool === 'string'));
		if (!valid) throw new Error(`step ${index} must be { answer: 'text' }, { tool, arguments } or { calls: [{ tool, arguments }] }`);
	}
	model.steps = steps.slice();
	return { steps: model.steps.length };
}

function callsOf(step) {
	if (Array.isArray(step?.calls)) return step.calls;
	return typeof step?.tool === 'string' ? [step] : undefined;
}

/** What a test reads back of each request: the conversation, the tools offered, what the model answered. */
function recordOf(body) {
	return {
		at: Date.now(),
		model: body.model,
		stream: body.stream === true,
		messages: body.messages ?? [],
		tools: (body.tools ?? []).filter((tool) => tool.function).map(({ function: fn }) => ({ name: fn.name, description: fn.description, parameters: fn.parameters })),
	};
}

function toolMatcher(pattern) {
	const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
	if (!regex) return (name) => name === pattern;
	const compiled = new RegExp(regex[1], regex[2]);
	return (name) => compiled.test(name);
}

/** The last tool result of the conversation, parsed when it is JSON. */
function lastResult(messages) {
	const content = messages.findLast((message) => message.role === 'tool')?.content;
	const text = Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : content;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function valueAt(value, path) {
	let current = value;
	for (const key of String(path).split('.')) {
		// A list answers `id` with its first object's.
		if (Array.isArray(current) && !/^\d+$/.test(key)) current = current[0];
		current = current?.[key];
	}
	if (current === undefined) throw new Error(`the last tool result has nothing at "${path}": ${JSON.stringify(value)?.slice(0, 500)}`);
	return current;
}

function resolveArguments(args, messages) {
	return Object.fromEntries(
		Object.entries(args ?? {}).map(([key, value]) => [
			key,
			value && typeof value === 'object' && 'fromLastResult' in value ? valueAt(lastResult(messages), value.fromLastResult) : value,
		]),
	);
}

/** The answer of a scripted step: tool calls named as offered, or the final text. */
function scriptedAnswer(step, { tools, messages }) {
	const calls = callsOf(step);
	if (!calls) return { text: step.answer };
	return {
		calls: calls.map((call) => {
			const matches = toolMatcher(call.tool);
			const tool = tools.find((offered) => matches(offered.name));
			if (!tool) throw new Error(`no tool offered matches "${call.tool}"; offered: ${tools.map((offered) => offered.name).join(', ') || 'none'}`);
			return { name: tool.name, arguments: resolveArguments(call.arguments, messages) };
		}),
	};
}

const text = (content) => (Array.isArray(content) ? content.map((part) => part.text ?? '').join(' ') : String(content ?? ''));

/** Arguments for a tool from its JSON schema: the ticket ID into an ID field, `words` into a text field. */
function argumentsFor(tool, ticketId, words) {
	const args = {};
	for (const [key, schema] of Object.entries(tool.parameters?.properties ?? {})) {
		const numeric = schema.type === 'number' || schema.type === 'integer';
		if (/id$/i.test(key)) args[key] = numeric ? Number(ticketId) : String(ticketId);
		else if (words && !numeric && /note|message|text|body|comment/i.test(key)) args[key] = words;
	}
	return args;
}

/**
 * Without a script: read the ticket the prompt names (a get/read tool), then
 * leave a note on it (or reply, when no note tool is offered), then answer
 * with what the tools returned.
 */
function demoAnswer({ tools, messages }) {
	const prompt = text(messages.findLast((message) => message.role === 'user')?.content);
	const ticketId = /(?:ticket|#)\D{0,12}(\d+)/i.exec(prompt)?.[1];
	const called = new Set(messages.flatMap((message) => message.tool_calls ?? []).map((call) => call.function.name));
	// n8n names a tool after its node with underscores (Get_ticket): words for \b.
	const about = (tool) => `${tool.name.replace(/_/g, ' ')} ${tool.description ?? ''}`;
	// By name first: a description may mention reading ("read the ticket first with ...").
	const reads = (words) => /\b(get|read|fetch)\b/i.test(words) && /ticket/i.test(words);
	const readers = tools.filter((tool) => !/many|list|all/i.test(tool.name));
	const reader = readers.find((tool) => reads(tool.name.replace(/_/g, ' '))) ?? readers.find((tool) => reads(about(tool)));
	const writer = tools.find((tool) => /note/i.test(tool.name)) ?? tools.find((tool) => /reply/i.test(tool.name));
	if (ticketId && reader && !called.has(reader.name)) return { calls: [{ name: reader.name, arguments: argumentsFor(reader, ticketId) }] };
	if (ticketId && writer && !called.has(writer.name)) {
		return { calls: [{ name: writer.name, arguments: argumentsFor(writer, ticketId, 'Looked at by the sandbox model: summary and next steps are in the workflow run.') }] };
	}
	const results = messages.filter((message) => message.role === 'tool').map((message) => text(message.content).slice(0, 300));
	return { text: results.length ? `Done. What the tools returned:\n${results.join('\n')}` : `The sandbox model read: ${prompt.slice(0, 200)}` };
}

function completion(body, answer) {
	const toolCalls = answer.calls?.map((call) => ({ id: `call_${randomUUID().slice(0, 8)}`, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }));
	return {
		id: `chatcmpl-${randomUUID()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: body.model ?? MODEL_ID,
		choices: [
			{
				index: 0,
				message: { role: 'assistant', content: answer.text ?? null, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
				finish_reason: toolCalls ? 'tool_calls' : 'stop',
			},
		],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same completion as server-sent chunks: the role and content, each tool call whole, the finish, then [DONE]. */
function streamed(res, body, chat) {
	const { id, created, model, choices, usage } = chat;
	const { message, finish_reason } = choices[0];
	const chunk = (delta, finish = null, extra = {}) => ({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
	/** @type {object[]} */
	const events = [chunk({ role: 'assistant', content: message.content ?? '' })];
	message.tool_calls?.forEach((call, index) => events.push(chunk({ tool_calls: [{ index, ...call }] })));
	events.push(chunk({}, finish_reason));
	if (body.stream_options?.include_usage) events.push({ id, object: 'chat.completion.chunk', created, model, choices: [], usage });
	res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
	for (const event of events) res.write(`data: ${JSON.stringify(event)}\n\n`);
	res.end('data: [DONE]\n\n');
}

function openAiError(res, status, message, type = 'invalid_request_error') {
	const payload = JSON.stringify({ error: { message, type, param: null, code: null } });
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
	res.end(payload);
}

/** One request under the model's base path (SANDBOX_CREDENTIALS.openai.basePath). */
export async function serveModel(model, req, res, url) {
	const { basePath, apiKey } = SANDBOX_CREDENTIALS.openai;
	if (req.headers.authorization !== `Bearer ${apiKey}`) return openAiError(res, 401, `Incorrect API key provided. The sandbox model's key is ${apiKey}.`);
	const path = url.pathname.slice(basePath.length);
	if (req.method === 'GET' && path === '/models') {
		const payload = JSON.stringify({ object: 'list', data: [{ id: MODEL_ID, object: 'model', created: 0, owned_by: 'sandbox' }] });
		res.writeHead(200, { 'Content-Type': 'application/json' });
		return res.end(payload);
	}
	if (req.method === 'POST' && path === '/responses') {
		return openAiError(res, 404, 'The sandbox model serves chat completions only: switch "Use Responses API" off in the OpenAI Chat Model node.');
	}
	if (req.method !== 'POST' || path !== '/chat/completions') return openAiError(res, 404, `The sandbox model has no ${req.method} ${url.pathname}.`);
	let body;
	try {
		({ body } = await readBody(req));
	} catch (error) {
		return openAiError(res, 400, error.message);
	}
	const record = recordOf(body);
	model.requests.push(record);
	let answer;
	try {
		if (model.steps === null) answer = demoAnswer(record);
		else if (model.steps.length === 0) throw new Error('the script has no step left for this request');
		else answer = scriptedAnswer(model.steps.shift(), record);
	} catch (error) {
		record.error = error.message;
		return openAiError(res, 400, `Sandbox model: ${error.message}`);
	}
	record.answer = answer;
	const chat = completion(body, answer);
	if (body.stream) return streamed(res, body, chat);
	const payload = JSON.stringify(chat);
	res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
	res.end(payload);
}
