// Sendbird Desk Platform API at /sendbird/platform/v1: ticket notes, tickets,
// customers, agents, groups. Lists answer {count, next, previous, results}
// with absolute next/previous links; errors are {message, code}.
import { ApiError, Router } from './router.mjs';
import { compareText, DAY_MS, SANDBOX_CREDENTIALS } from './seed.mjs';
import { isDate } from './validation.mjs';

const MAX_PAGE = 500;
const MAX_NOTES_PAGE = 100;

const PRIORITIES = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'];
const STATUSES = ['INITIALIZED', 'PROACTIVE', 'PENDING', 'ACTIVE', 'IDLE', 'CLOSED', 'WORK_IN_PROGRESS'];

const missing = (field) => new ApiError(400, 400105, `${field} is required.`);
const wrongType = (message) => new ApiError(400, 400111, message);
const outOfRange = (message) => new ApiError(400, 400113, message);
const unknownId = (field) => new ApiError(400, 400201, `The specified ${field} doesn’t exist.`);

const INTEGER = /^\d+$/;

function integerParam(value, name, fallback) {
	if (value === null || value === undefined || value === '') return fallback;
	if (!INTEGER.test(String(value))) throw wrongType(`The ${name} parameter should be integer.`);
	return Number(value);
}

function byId(list, id, field) {
	if (!INTEGER.test(String(id))) throw wrongType(`The ${field} parameter should be integer.`);
	const found = list.find((each) => each.id === Number(id));
	if (!found) throw unknownId(field);
	return found;
}

/** limit (1..max, default) and offset (>= 0) of a list request. */
function paging(ctx, max, fallback) {
	const limit = integerParam(ctx.query.get('limit'), 'limit', fallback);
	if (limit < 1 || limit > max) throw outOfRange(`The value of limit should be between 1 and ${max}.`);
	return { limit, offset: integerParam(ctx.query.get('offset'), 'offset', 0) };
}

/** DRF-style page: next/previous keep the other query parameters. */
function offsetPage(ctx, list, { limit, offset }) {
	const link = (start) => {
		const url = new URL(ctx.linkUrl(ctx.url.pathname));
		for (const [key, value] of ctx.query) if (key !== 'limit' && key !== 'offset') url.searchParams.append(key, value);
		url.searchParams.set('limit', String(limit));
		url.searchParams.set('offset', String(start));
		return url.href;
	};
	return {
		body: {
			count: list.length,
			next: offset + limit < list.length ? link(offset + limit) : null,
			previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
			results: list.slice(offset, offset + limit),
		},
	};
}

function listOf(name) {
	return (ctx) => offsetPage(ctx, ctx.data.sendbird[name], paging(ctx, MAX_PAGE, 10));
}

function dateParam(ctx, name) {
	const value = ctx.query.get(name);
	if (value === null || value === '') return undefined;
	if (!isDate(value)) throw wrongType(`The value of ${name} should be YYYY-MM-DD.`);
	return Date.parse(`${value}T00:00:00Z`);
}

/** GET /ticket_notes: created between start_date and end_date (default: the 30 days up to end_date, today). */
function listNotes(ctx) {
	const page = paging(ctx, MAX_NOTES_PAGE, 50);
	const today = Date.now() - (Date.now() % DAY_MS);
	const end = dateParam(ctx, 'end_date') ?? today;
	const start = dateParam(ctx, 'start_date') ?? end - 30 * DAY_MS;
	const yearLater = new Date(start);
	yearLater.setUTCFullYear(yearLater.getUTCFullYear() + 1);
	if (end > yearLater.getTime()) throw outOfRange('The date range should be within 1 year.');
	const notes = ctx.data.sendbird.notes
		.filter((note) => {
			const at = Date.parse(note.createdAt);
			return at >= start && at < end + DAY_MS;
		})
		.sort((a, b) => compareText(b.createdAt, a.createdAt) || b.id - a.id);
	return offsetPage(ctx, notes, page);
}

/** A note as POST and PATCH answer it: `ticketId`, where lists say `ticket_id`. */
function noteAnswer({ ticket_id, ...note }) {
	return { id: note.id, note: note.note, ticketId: ticket_id, requestedFrom: note.requestedFrom, createdBy: note.createdBy, createdAt: note.createdAt, updatedAt: note.updatedAt };
}

function noteText(body) {
	if (body.note === undefined || body.note === null || body.note === '') throw missing('note');
	if (typeof body.note !== 'string') throw wrongType('The note parameter should be string.');
	return body.note;
}

function createNote(ctx) {
	const { body } = ctx;
	if (body.ticketId === undefined || body.ticketId === null || body.ticketId === '') throw missing('ticketId');
	const note = noteText(body);
	if (!Number.isInteger(body.ticketId) && !INTEGER.test(String(body.ticketId))) {
		throw wrongType('The ticketId parameter should be integer.');
	}
	const ticket = ctx.data.sendbird.tickets.find((each) => each.id === Number(body.ticketId));
	if (!ticket) throw unknownId('ticketId');
	const at = new Date().toISOString();
	const created = {
		id: ctx.data.sendbird.next.note++,
		ticket_id: ticket.id,
		note,
		requestedFrom: 'PLATFORM_API',
		// Notes made through the Platform API have no agent.
		createdBy: null,
		createdAt: at,
		updatedAt: at,
	};
	ctx.data.sendbird.notes.push(created);
	return { status: 201, body: noteAnswer(created) };
}

function updateNote(ctx) {
	const note = byId(ctx.data.sendbird.notes, ctx.params.noteId, 'ticket_note_id');
	note.note = noteText(ctx.body);
	note.updatedAt = new Date().toISOString();
	return { body: noteAnswer(note) };
}

function deleteNote(ctx) {
	const note = byId(ctx.data.sendbird.notes, ctx.params.noteId, 'ticket_note_id');
	ctx.data.sendbird.notes.splice(ctx.data.sendbird.notes.indexOf(note), 1);
	return { body: { id: note.id } };
}

/** GET /tickets: status2, agent (id of the assigned agent), q (channel name or customer). */
function listTickets(ctx) {
	const page = paging(ctx, MAX_PAGE, 10);
	const status = ctx.query.get('status2');
	if (status && !STATUSES.includes(status)) throw outOfRange(`The value of status2 should be one of ${STATUSES.join(', ')}.`);
	const agent = integerParam(ctx.query.get('agent'), 'agent', undefined);
	const q = ctx.query.get('q')?.toLowerCase();
	const tickets = ctx.data.sendbird.tickets
		.filter(
			(ticket) =>
				(!status || ticket.status2 === status) &&
				(agent === undefined || ticket.recentAssignment?.agent.id === agent) &&
				(!q || `${ticket.channelName} ${ticket.customer.displayName}`.toLowerCase().includes(q)),
		)
		.sort((a, b) => compareText(b.createdAt, a.createdAt) || b.id - a.id);
	return offsetPage(ctx, tickets, page);
}

const ticketOf = (ctx) => byId(ctx.data.sendbird.tickets, ctx.params.ticketId, 'ticket_id');

function updateTicket(ctx) {
	const ticket = ticketOf(ctx);
	const { priority } = ctx.body;
	if (priority === undefined) throw missing('priority');
	if (typeof priority !== 'string') throw wrongType('The priority parameter should be string.');
	if (!PRIORITIES.includes(priority)) throw outOfRange(`The value of priority should be one of ${PRIORITIES.join(', ')}.`);
	Object.assign(ticket, { priority, updatedAt: new Date().toISOString() });
	return { body: ticket };
}

/** Closing a closed ticket answers it as it is. */
function closeTicket(ctx) {
	const ticket = ticketOf(ctx);
	const { closeComment } = ctx.body;
	if (closeComment !== undefined && closeComment !== null && typeof closeComment !== 'string') {
		throw wrongType('The closeComment parameter should be string.');
	}
	if (ticket.status2 !== 'CLOSED') {
		const at = new Date().toISOString();
		Object.assign(ticket, { status: 'CLOSED', status2: 'CLOSED', closeStatus: 'CLOSED_BY_PLATFORM_API', closeComment: closeComment ?? null, closedAt: at, updatedAt: at });
	}
	return { body: ticket };
}

/** POST /customers {sendbirdId}: an existing sendbirdId answers its customer (200). */
function createCustomer(ctx) {
	const { sendbirdId } = ctx.body;
	if (sendbirdId === undefined || sendbirdId === null || sendbirdId === '') throw missing('sendbirdId');
	if (typeof sendbirdId !== 'string') throw wrongType('The sendbirdId parameter should be string.');
	const customers = ctx.data.sendbird.customers;
	const existing = customers.find((customer) => customer.sendbirdId === sendbirdId);
	if (existing) return { body: existing };
	const customer = { id: ctx.data.sendbird.next.customer++, sendbirdId, displayName: sendbirdId, project: 1, createdAt: new Date().toISOString(), customFields: [] };
	customers.push(customer);
	return { status: 201, body: customer };
}

function authenticate(ctx) {
	const token = ctx.req.headers.sendbirddeskapitoken;
	if (token === undefined || token === '') throw new ApiError(401, 401100, 'Authentication credentials were not provided.');
	if (token !== SANDBOX_CREDENTIALS.sendbird.apiToken) throw new ApiError(403, 403100, 'Invalid token.');
}

export function sendbirdApi() {
	const router = new Router(SANDBOX_CREDENTIALS.sendbird.basePath)
		.add('GET', '/ticket_notes', listNotes)
		.add('POST', '/ticket_notes', createNote)
		.add('PATCH', '/ticket_notes/:noteId', updateNote)
		.add('DELETE', '/ticket_notes/:noteId', deleteNote)
		.add('GET', '/tickets', listTickets)
		.add('GET', '/tickets/:ticketId', (ctx) => ({ body: ticketOf(ctx) }))
		.add('PATCH', '/tickets/:ticketId', updateTicket)
		.add('PATCH', '/tickets/:ticketId/close', closeTicket)
		.add('GET', '/customers', listOf('customers'))
		.add('GET', '/customers/:customerId', (ctx) => ({ body: byId(ctx.data.sendbird.customers, ctx.params.customerId, 'customer_id') }))
		.add('POST', '/customers', createCustomer)
		.add('GET', '/agents', listOf('agents'))
		.add('GET', '/groups', listOf('groups'))
		.add('GET', '/groups/:groupId', (ctx) => ({ body: byId(ctx.data.sendbird.groups, ctx.params.groupId, 'group_id') }));
	return {
		name: 'sendbird',
		router,
		// Sendbird publishes no rate-limit headers; a 429 carries Retry-After only.
		rateHeaders: false,
		authenticate,
		errorBody: (error) => ({ message: error.message, code: error.code }),
		notFound: () => new ApiError(404, 404100, 'Not found.'),
		methodNotAllowed: (method, allowed) => new ApiError(405, 405100, `Method "${method}" not allowed.`, { Allow: allowed.join(', ') }),
		tooManyRequests: () => new ApiError(429, 429100, 'Too many requests. Try again later.'),
		serverError: () => new ApiError(500, 500100, 'Internal server error.'),
		// Behind a proxy, Sendbird names the application's own address.
		publicUrl: (pathname) =>
			`https://desk-api-${SANDBOX_CREDENTIALS.sendbird.applicationId}.sendbird.com${pathname.slice(SANDBOX_CREDENTIALS.sendbird.basePath.length - '/platform/v1'.length)}`,
	};
}
