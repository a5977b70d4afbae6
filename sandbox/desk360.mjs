// Desk360 at /v1: products, tickets (list with filters, get, logs, create,
// reply, note, status), agents, types, reasons; WhatsApp in whatsapp.mjs.
import { authenticate, login } from './desk360Auth.mjs';
import { find, linkPage, modelNotFound, productOf } from './desk360Common.mjs';
import { attachmentsOf } from './media.mjs';
import { ApiError, Router } from './router.mjs';
import { compareText, deskTime, emptyAttachments } from './seed.mjs';
import { DESK360_DOC_URL, rules, toBool, toInt, validate } from './validation.mjs';
import { addWhatsAppRoutes } from './whatsapp.mjs';

const now = () => deskTime(Date.now());

function ticketOf(ctx) {
	const product = productOf(ctx);
	const ticket = find(ctx.data.desk360.tickets, ctx.params.ticketId, 'Ticket');
	if (ticket.product_id !== product.id) throw modelNotFound('Ticket', ctx.params.ticketId);
	return ticket;
}

const SUMMARY_FIELDS = ['id', 'reason_id', 'type_id', 'agent_id', 'name', 'email', 'subject', 'channel', 'platform', 'status', 'priority'];

/** A ticket as lists show it: no messages, the last message's text. */
/** @returns {Record<string, any>} */
function ticketSummary(ticket) {
	const last = ticket.messages.findLast((message) => message.type !== 6);
	const summary = Object.fromEntries(SUMMARY_FIELDS.map((key) => [key, ticket[key]]));
	return { ...summary, last_message: last?.message ?? null, created_at: ticket.created_at, updated_at: ticket.updated_at };
}

/** A ticket with its messages, as GET .../tickets/:ticketId shows it. */
function ticketDetails({ product_id: _product, logs: _logs, ...ticket }) {
	return ticket;
}

const TICKET_FILTERS = {
	reason_id: [rules.integer],
	priority: [rules.integer],
	status: [rules.integer],
	agent_id: [rules.integer],
	type_id: [rules.integer],
	id: [rules.integer],
	start_date: [rules.dateYmd],
	end_date: [rules.dateYmd],
};

function filterTickets(ctx, product, query) {
	const equal = ['reason_id', 'priority', 'status', 'agent_id', 'type_id', 'id'].filter((key) => query[key] !== undefined && query[key] !== '');
	const contains = ['email', 'name', 'subject'].filter((key) => query[key]);
	const start = query.start_date ? `${query.start_date} 00:00:00` : undefined;
	const end = query.end_date ? `${query.end_date} 23:59:59` : undefined;
	const platform = query.platform?.toLowerCase();
	const tickets = ctx.data.desk360.tickets.filter(
		(ticket) =>
			ticket.product_id === product.id &&
			equal.every((key) => ticket[key] === Number(query[key])) &&
			contains.every((key) => String(ticket[key] ?? '').toLowerCase().includes(query[key].toLowerCase())) &&
			(!platform || ticket.platform.toLowerCase() === platform) &&
			(!start || ticket.created_at >= start) &&
			(!end || ticket.created_at <= end),
	);
	const direction = query.order === 'asc' ? 1 : -1;
	return tickets.sort((a, b) => direction * (compareText(a.updated_at, b.updated_at) || a.id - b.id));
}

/** Kept lists, so paging through 10,000 tickets does not sort them again for every page. */
const MAX_KEPT_LISTS = 50;

function listTickets(ctx) {
	const product = productOf(ctx);
	const query = Object.fromEntries(ctx.query);
	validate(query, TICKET_FILTERS);
	const kept = ctx.data.desk360.ticketLists;
	const key = JSON.stringify([product.id, Object.entries(query).filter(([name]) => name !== 'page')]);
	let tickets = kept.get(key);
	if (!tickets) {
		if (kept.size >= MAX_KEPT_LISTS) kept.clear();
		tickets = filterTickets(ctx, product, query);
		kept.set(key, tickets);
	}
	return linkPage(ctx, tickets, ticketSummary);
}

/** Every change to tickets makes the kept lists stale. */
function ticketsChanged(ctx) {
	ctx.data.desk360.ticketLists.clear();
}

/** Ticket fields an agent changes in the Desk360 panel, with their rules. */
const PANEL_FIELDS = {
	status: [rules.integer, rules.in([1, 2])],
	priority: [rules.integer, rules.in([0, 1, 2, 3])],
	agent_id: [rules.integer],
	reason_id: [rules.integer],
	type_id: [rules.integer],
	subject: [rules.string],
	platform: [rules.string],
};

/**
 * A change an agent makes in the Desk360 panel, which the API cannot make
 * (priority, agent, type, ...): sets the fields and moves updated_at, as
 * Desk360 does on every change. For POST /__sandbox/tickets/:ticketId.
 */
export function changeTicketInPanel(data, ticketId, fields) {
	const ticket = find(data.desk360.tickets, ticketId, 'Ticket');
	const unknown = Object.keys(fields).filter((key) => !(key in PANEL_FIELDS));
	if (unknown.length) throw new ApiError(422, 'failed_validation', `Unknown ticket fields: ${unknown.join(', ')}.`);
	validate(fields, PANEL_FIELDS);
	for (const [key, value] of Object.entries(fields)) ticket[key] = PANEL_FIELDS[key][0] === rules.integer ? Number(value) : value;
	ticket.updated_at = now();
	ticketsChanged({ data });
	return ticketSummary(ticket);
}

function agentExists(ctx) {
	return (value) => ctx.data.desk360.agents.some((agent) => agent.id === Number(value));
}

function reasonOfProduct(ctx, product) {
	return (value) => ctx.data.desk360.reasons.some((reason) => reason.id === Number(value) && reason.product_id === product.id);
}

function createTicket(ctx) {
	const product = productOf(ctx);
	const { body } = ctx;
	validate(body, {
		name: [rules.required, rules.string, rules.max(255)],
		email: [rules.required, rules.email],
		reason_id: [rules.required, rules.integer, rules.exists(reasonOfProduct(ctx, product))],
		description: [rules.required, rules.string],
		status: [rules.required, rules.integer, rules.in([1, 2])],
		assign_to_agent_id: [rules.integer, rules.exists(agentExists(ctx))],
		settings: [rules.json],
	});
	const desk = ctx.data.desk360;
	const at = now();
	const agentId = toInt(body.assign_to_agent_id) ?? 0;
	const ticket = {
		id: desk.next.ticket++,
		product_id: product.id,
		reason_id: Number(body.reason_id),
		type_id: null,
		agent_id: agentId,
		name: body.name,
		email: body.email,
		subject: null,
		channel: 'Api',
		platform: 'Api',
		status: Number(body.status),
		priority: 0,
		settings: body.settings ? JSON.parse(body.settings) : null,
		country_code: null,
		star_rating: null,
		custom_fields: [],
		created_at: at,
		updated_at: at,
		messages: [
			{ id: desk.next.message++, agent_id: 0, message: body.description, attachments: attachmentsOf(ctx.files, ctx.data.media, ctx.origin), type: 0, created_at: at, updated_at: at },
		],
		logs: [{ id: desk.next.log++, old_status_id: 0, new_status_id: Number(body.status), reason_id: Number(body.reason_id), agent_id: ctx.agent.id, created_at: at }],
	};
	desk.tickets.push(ticket);
	ticketsChanged(ctx);
	const summary = ticketSummary(ticket);
	// Desk360 answers null for an unassigned new ticket.
	return { status: 201, body: { ...summary, agent_id: summary.agent_id || null } };
}

/** Reply (type 0) or note (type 6): message, attachments[]. */
function addMessage(type) {
	return (ctx) => {
		const ticket = ticketOf(ctx);
		const hasFiles = ctx.files.length > 0;
		validate(ctx.body, { message: [rules.requiredWithout('attachments', () => hasFiles), rules.string] });
		const at = now();
		const message = {
			id: ctx.data.desk360.next.message++,
			agent_id: ctx.agent.id,
			message: ctx.body.message ?? '',
			type,
			attachments: hasFiles ? attachmentsOf(ctx.files, ctx.data.media, ctx.origin) : emptyAttachments(),
			created_at: at,
			updated_at: at,
		};
		ticket.messages.push(message);
		ticket.updated_at = at;
		ticketsChanged(ctx);
		return { status: 201, body: message };
	};
}

function updateStatus(ctx) {
	const ticket = ticketOf(ctx);
	const { body } = ctx;
	validate(body, {
		status: [rules.required, rules.integer],
		reason_id: [rules.integer, rules.exists(reasonOfProduct(ctx, { id: ticket.product_id }))],
	});
	const status = Number(body.status);
	if (status !== 1 && status !== 2) {
		throw new ApiError(400, 'status_update_failed', 'Status update failed. You can only set Resolved (1) or Waiting (2).');
	}
	const reasonId = toInt(body.reason_id) ?? ticket.reason_id;
	if (ticket.status === 1 && reasonId !== ticket.reason_id) {
		throw new ApiError(400, 'status_update_failed', 'Status update failed. The ticket is resolved, so its reason cannot change.');
	}
	const at = now();
	ticket.logs.push({ id: ctx.data.desk360.next.log++, old_status_id: ticket.status, new_status_id: status, reason_id: reasonId, agent_id: ctx.agent.id, created_at: at });
	Object.assign(ticket, { status, reason_id: reasonId, updated_at: at });
	ticketsChanged(ctx);
	return { body: ticketSummary(ticket) };
}

/** Reason lists name the title `name`; get, create and update answer `title`. */
const reasonInList = ({ id, product_id, title, is_active, created_at, updated_at }) => ({ id, product_id, name: title, is_active, created_at, updated_at });

/** A new reason or type: the next id, the fields, the time. */
function addRecord(list, fields) {
	const at = now();
	const record = { id: Math.max(0, ...list.map((each) => each.id)) + 1, ...fields, created_at: at, updated_at: at };
	list.push(record);
	return { status: 201, body: record };
}

/** is_active defaults to true. */
const activeFlag = (value) => (value === undefined ? true : toBool(value));

function productExists(ctx) {
	return (value) => ctx.data.desk360.products.some((product) => product.id === Number(value));
}

function createReason(ctx) {
	validate(ctx.body, {
		product_id: [rules.required, rules.integer, rules.exists(productExists(ctx))],
		title: [rules.required, rules.string, rules.max(255)],
		is_active: [rules.boolean],
	});
	const { product_id, title, is_active } = ctx.body;
	return addRecord(ctx.data.desk360.reasons, { product_id: Number(product_id), title, is_active: activeFlag(is_active) });
}

function updateReason(ctx) {
	const reason = find(ctx.data.desk360.reasons, ctx.params.reasonId, 'Reason');
	validate(ctx.body, {
		product_id: [rules.integer, rules.exists(productExists(ctx))],
		title: [rules.string, rules.max(255)],
		is_active: [rules.boolean],
	});
	const { product_id, title, is_active } = ctx.body;
	if (product_id !== undefined) reason.product_id = Number(product_id);
	if (title !== undefined) reason.title = title;
	if (is_active !== undefined) reason.is_active = toBool(is_active);
	reason.updated_at = now();
	return { body: reason };
}

function createType(ctx) {
	validate(ctx.body, {
		product_id: [rules.required, rules.integer, rules.exists(productExists(ctx))],
		title: [rules.required, rules.string, rules.max(255)],
		description: [rules.string],
		is_active: [rules.boolean],
	});
	const { product_id, title, description, is_active } = ctx.body;
	return addRecord(ctx.data.desk360.types, {
		product_id: Number(product_id),
		title,
		description: description ?? null,
		is_active: activeFlag(is_active),
		is_custom: true,
	});
}

function updateType(ctx) {
	const type = find(ctx.data.desk360.types, ctx.params.typeId, 'TicketType');
	if (!type.is_custom) throw new ApiError(400, 'non_custom_type', 'You can not update non-custom types.');
	validate(ctx.body, { is_active: [rules.required, rules.boolean] });
	Object.assign(type, { is_active: toBool(ctx.body.is_active), updated_at: now() });
	return { body: type };
}

const me = (ctx) => ({ body: ctx.agent });

export function desk360Api() {
	const router = new Router('/v1')
		.add('POST', '/login', login, { public: true })
		.add('GET', '/products', (ctx) => linkPage(ctx, ctx.data.desk360.products))
		.add('GET', '/products/:productId/tickets', listTickets)
		.add('POST', '/products/:productId/tickets', createTicket)
		.add('GET', '/products/:productId/tickets/:ticketId', (ctx) => ({ body: ticketDetails(ticketOf(ctx)) }))
		.add('GET', '/products/:productId/tickets/:ticketId/logs', (ctx) => linkPage(ctx, ticketOf(ctx).logs))
		.add('POST', '/products/:productId/tickets/:ticketId/reply', addMessage(0))
		.add('POST', '/products/:productId/tickets/:ticketId/note', addMessage(6))
		.add('POST', '/products/:productId/tickets/:ticketId/status', updateStatus)
		.add('GET', '/agents', (ctx) => linkPage(ctx, ctx.data.desk360.agents))
		.add('GET', '/me', me)
		// The document's curl sample says /v1/agents/me.
		.add('GET', '/agents/me', me)
		.add('GET', '/types', (ctx) => linkPage(ctx, ctx.data.desk360.types))
		.add('POST', '/types', createType)
		.add('GET', '/types/:typeId', (ctx) => ({ body: find(ctx.data.desk360.types, ctx.params.typeId, 'TicketType') }))
		.add('PUT', '/types/:typeId', updateType)
		.add('GET', '/reasons', (ctx) => linkPage(ctx, ctx.data.desk360.reasons, reasonInList))
		.add('POST', '/reasons', createReason)
		.add('GET', '/reasons/:reasonId', (ctx) => ({ body: find(ctx.data.desk360.reasons, ctx.params.reasonId, 'Reason') }))
		.add('PUT', '/reasons/:reasonId', updateReason);
	addWhatsAppRoutes(router);
	return {
		name: 'desk360',
		router,
		rateHeaders: true,
		authenticate: (ctx) => authenticate(ctx.req, ctx.state),
		errorBody: (error) => ({ error: { code: error.code, message: error.message, doc_url: DESK360_DOC_URL } }),
		notFound: () => new ApiError(404, 'not_found_exception', 'The requested URL was not found. Check the endpoint for typos.'),
		methodNotAllowed: (method, allowed) =>
			new ApiError(405, 'method_not_allowed_exception', `The ${method} method is not supported for this route. Supported methods: ${allowed.join(', ')}.`, { Allow: allowed.join(', ') }),
		tooManyRequests: () => new ApiError(429, 'too_many_requests_exception', 'Too Many Attempts.'),
		serverError: () => new ApiError(500, 'internal_server_error', 'Server Error'),
		// Behind a proxy, Desk360 names its own host in the addresses it builds.
		publicUrl: (pathname) => `https://api.desk360.com${pathname}`,
	};
}
