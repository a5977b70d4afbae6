// The sandbox's data, the same for the same seed (and the same day: dates lie
// within the year before today, UTC midnight).

export const DAY_MS = 86_400_000;

/** The credentials the sandbox accepts. */
export const SANDBOX_CREDENTIALS = Object.freeze({
	desk360: Object.freeze({
		apiToken: 'sandbox-desk360-token',
		email: 'agent@sandbox.local',
		password: 'sandbox-password',
		/** Has the password too, but password access is off for it. */
		noAccessEmail: 'noaccess@sandbox.local',
	}),
	sendbird: Object.freeze({
		applicationId: 'sandbox-app',
		apiToken: 'sandbox-sendbird-token',
		basePath: '/sendbird/platform/v1',
	}),
	/** The scripted OpenAI-compatible model (sandbox/model.mjs): an OpenAI credential's Base URL is `<url><basePath>`. */
	openai: Object.freeze({
		apiKey: 'sandbox-openai-key',
		basePath: '/openai/v1',
	}),
});

/** Mulberry32: small, fast and good enough for test data. */
export function randomSource(seed) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const pick = (list) => list[Math.floor(next() * list.length)];
	const chance = (p) => next() < p;
	const hex = (length) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join('');
	return { next, int, pick, chance, hex };
}

const pad = (n) => String(n).padStart(2, '0');

/** Desk360's timestamps: `YYYY-MM-DD HH:mm:ss` (UTC). */
export function deskTime(ms) {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Plain string order for timestamps (localeCompare is far slower, and timestamps need none of it). */
export function compareText(a, b) {
	if (a === b) return 0;
	return a < b ? -1 : 1;
}

export function emptyAttachments() {
	return { images: [], videos: [], files: [], others: [] };
}

const FIRST_NAMES = ['John', 'Jane', 'Ayşe', 'Mehmet', 'Emma', 'Liam', 'Olivia', 'Noah', 'Zeynep', 'Can', 'Sofia', 'Lucas', 'Mia', 'Elif', 'Hugo', 'Chloé', 'Mateo', 'Lena', 'Omar', 'Yuki'];
const LAST_NAMES = ['Doe', 'Smith', 'Yılmaz', 'Kaya', 'Müller', 'Dubois', 'Rossi', 'García', 'Öztürk', 'Brown', 'Nakamura', 'Novak', 'Silva', 'Demir', 'Jensen'];
const SUBJECTS = ['Cannot log in', 'Refund request', 'App crashes on start', 'Where is my order?', 'Change my email address', 'Subscription renewal', 'Feature idea: dark mode', 'Payment declined', 'Delete my account', 'Wrong invoice amount', 'Push notifications missing', 'Password reset mail never arrives'];
const CUSTOMER_LINES = ['Hello, I need help with my account.', 'The app closes as soon as I open it.', 'I was charged twice this month.', 'My order has not arrived yet.', 'How can I change my subscription?', 'Is there a way to export my data?', 'I forgot my password and the reset link does not work.'];
const AGENT_LINES = ['Thanks for reaching out, we are looking into it.', 'Could you send us a screenshot?', 'We have refunded the payment, it may take 3-5 days.', 'Please update the app to the latest version.', 'Your account has been updated.', 'Is there anything else we can help with?'];
const NOTE_LINES = ['Escalated to the billing team.', 'Customer is on the Business plan.', 'Duplicate of an earlier ticket.', 'Waiting for the developers.'];
const CHANNELS = [
	{ channel: 'Application', platform: 'Android' },
	{ channel: 'Application', platform: 'iOS' },
	{ channel: 'Web', platform: 'Web' },
	{ channel: 'Email', platform: 'Email' },
	{ channel: 'Api', platform: 'Api' },
	{ channel: 'WhatsApp', platform: 'WhatsApp' },
];
const COUNTRIES = ['TR', 'US', 'DE', 'FR', 'GB', 'ES', 'NL', 'JP'];
const REASONS = ['Billing', 'Login problem', 'Bug report', 'Feature request', 'Refund', 'Shipping', 'Account deletion'];
const LANGUAGES = [
	{ code: 'en', name: 'English' },
	{ code: 'fr', name: 'French' },
	{ code: 'tr', name: 'Turkish' },
	{ code: 'de', name: 'German' },
	{ code: 'es', name: 'Spanish' },
];
const TEMPLATE_NAMES = ['shipping_info', 'order_confirmation', 'payment_reminder', 'appointment_reminder', 'welcome_message', 'password_reset', 'delivery_update', 'feedback_request', 'account_alert', 'promo_offer'];

export const DESK360_AGENTS = [
	{ id: 71, name: 'Sandbox Agent', email: 'agent@sandbox.local', avatar: null },
	{ id: 72, name: 'Nadia Okafor', email: 'noaccess@sandbox.local', avatar: null },
	{ id: 73, name: 'Richard Miller', email: 'richard@sandbox.local', avatar: null },
	{ id: 74, name: 'Jane Doe', email: 'jane@sandbox.local', avatar: 'https://desk-360.s3.amazonaws.com/images/profile/sandbox-jane.jpg' },
	{ id: 75, name: 'Kemal Arslan', email: 'kemal@sandbox.local', avatar: null },
	{ id: 76, name: 'Lucía Romero', email: 'lucia@sandbox.local', avatar: null },
];

function seedDesk360(rng, now, ticketCount) {
	const products = [
		{ id: 11, name: 'Sandbox Mobile App', logo: null },
		{ id: 22, name: 'Sandbox Web Shop', logo: null },
		{ id: 33, name: 'Sandbox WhatsApp Support', logo: null },
	];
	const yearAgo = now - 365 * DAY_MS;
	const stamp = (ms) => ({ created_at: deskTime(ms), updated_at: deskTime(ms) });

	let reasonId = 1;
	const reasons = products.flatMap((product) =>
		REASONS.map((title) => ({
			id: reasonId++,
			product_id: product.id,
			title,
			is_active: rng.chance(0.85),
			...stamp(yearAgo - rng.int(1, 400) * DAY_MS),
		})),
	);

	const types = [
		{ id: 1, product_id: 0, title: 'Subscription', description: 'Subscription', is_active: true, is_custom: false, ...stamp(yearAgo - 500 * DAY_MS) },
		{ id: 2, product_id: 0, title: 'Features', description: 'Features', is_active: true, is_custom: false, ...stamp(yearAgo - 500 * DAY_MS) },
		{ id: 3, product_id: 0, title: 'Report a problem', description: 'Report a problem', is_active: true, is_custom: false, ...stamp(yearAgo - 500 * DAY_MS) },
	];
	for (const product of products) {
		for (const title of ['Premium support', 'Partnership']) {
			types.push({ id: types.length + 1, product_id: product.id, title, description: `${title} (${product.name})`, is_active: rng.chance(0.8), is_custom: true, ...stamp(yearAgo - rng.int(1, 300) * DAY_MS) });
		}
	}

	const tickets = [];
	let messageId = 1;
	let logId = 1;
	for (let id = 1; id <= ticketCount; id++) {
		// Products get 3:2:1 of the tickets.
		const product = products[[0, 0, 0, 1, 1, 2][(id - 1) % 6]];
		const productReasons = reasons.filter((reason) => reason.product_id === product.id);
		const productTypes = types.filter((type) => type.product_id === 0 || type.product_id === product.id);
		const first = rng.pick(FIRST_NAMES);
		const last = rng.pick(LAST_NAMES);
		const created = yearAgo + Math.floor(rng.next() * 364 * DAY_MS);
		const agent = rng.chance(0.15) ? 0 : rng.pick(DESK360_AGENTS).id;
		const status = rng.chance(0.55) ? 1 : 2;
		const reason = rng.pick(productReasons).id;
		const { channel, platform } = rng.pick(CHANNELS);

		let at = created;
		const messages = [];
		const messageCount = rng.int(1, 5);
		for (let m = 0; m < messageCount; m++) {
			const fromCustomer = m === 0 || (m % 2 === 0 && agent !== 0);
			const isNote = !fromCustomer && rng.chance(0.2);
			messages.push({
				id: messageId++,
				agent_id: fromCustomer ? 0 : agent || DESK360_AGENTS[0].id,
				message: fromCustomer ? rng.pick(CUSTOMER_LINES) : rng.pick(isNote ? NOTE_LINES : AGENT_LINES),
				attachments: emptyAttachments(),
				type: isNote ? 6 : 0,
				...stamp(at),
			});
			at += rng.int(5, 600) * 60_000;
		}
		const updated = Math.min(at, now - 60_000);
		const logs = [{ id: logId++, old_status_id: 0, new_status_id: 2, reason_id: reason, agent_id: 0, created_at: deskTime(created) }];
		if (status === 1) {
			logs.push({ id: logId++, old_status_id: 2, new_status_id: 1, reason_id: reason, agent_id: agent || DESK360_AGENTS[0].id, created_at: deskTime(updated) });
		}
		tickets.push({
			id,
			product_id: product.id,
			reason_id: reason,
			type_id: rng.chance(0.1) ? null : rng.pick(productTypes).id,
			agent_id: agent,
			name: `${first} ${last}`,
			email: `${first}.${last}${id}@example.com`.toLowerCase().normalize('NFD').replace(/[^\x20-\x7e]/g, ''),
			subject: rng.chance(0.7) ? rng.pick(SUBJECTS) : null,
			channel,
			platform,
			status,
			priority: rng.pick([0, 0, 1, 1, 1, 2, 2, 3]),
			settings: null,
			country_code: rng.pick(COUNTRIES),
			star_rating: status === 1 && rng.chance(0.5) ? rng.int(1, 5) : null,
			custom_fields: [],
			created_at: deskTime(created),
			updated_at: deskTime(updated),
			messages,
			logs,
		});
	}

	// Product 11 has more than a page (20) of templates, so its list has two pages.
	const templates = [];
	for (const [productId, count] of [[11, 27], [22, 5], [33, 2]]) {
		for (let n = 0; n < count; n++) {
			const id = templates.length + 1;
			const headerType = rng.pick(['TEXT', 'TEXT', 'IMAGE', 'DOCUMENT', 'NONE']);
			const bodyParameters = rng.int(0, 3);
			const languages = LANGUAGES.slice(0, rng.int(1, 3)).map((language, index) => {
				const parameters = [];
				if (headerType === 'TEXT') parameters.push('header-1');
				for (let p = 1; p <= bodyParameters; p++) parameters.push(`body-${p}`);
				return {
					template_id: id,
					language_id: index + 1,
					header_type: headerType,
					...(headerType === 'TEXT' ? { header_content: `Hello {{1}} (${language.code})` } : {}),
					text: `Template ${id} in ${language.name}${parameters.filter((key) => key.startsWith('body')).map((_, i) => ` {{${i + 1}}}`).join('')}`,
					parameters,
					language_name: language.name,
					language_code: language.code,
				};
			});
			templates.push({ id, product_id: productId, template_name: `${TEMPLATE_NAMES[n % TEMPLATE_NAMES.length]}${n >= TEMPLATE_NAMES.length ? `_${Math.floor(n / TEMPLATE_NAMES.length) + 1}` : ''}`, languages });
		}
	}

	return {
		products,
		reasons,
		types,
		tickets,
		templates,
		agents: DESK360_AGENTS.map((agent) => ({ ...agent })),
		next: { ticket: ticketCount + 1, message: messageId, log: logId },
		/** Filtered, sorted ticket lists by query (desk360.mjs). */
		ticketLists: new Map(),
	};
}

const STATUS2 = ['PENDING', 'ACTIVE', 'ACTIVE', 'IDLE', 'CLOSED', 'CLOSED', 'WORK_IN_PROGRESS', 'INITIALIZED', 'PROACTIVE'];
const SENDBIRD_PRIORITIES = ['URGENT', 'HIGH', 'MEDIUM', 'MEDIUM', 'LOW'];

function seedSendbird(rng, now) {
	const iso = (ms) => new Date(ms).toISOString();
	const agents = DESK360_AGENTS.map((agent, index) => ({
		id: index + 1,
		displayName: agent.name,
		project: 1,
		user: index + 1,
		sendbirdId: `sandbox_agent_${index + 1}`,
		role: index === 0 ? 'ADMIN' : 'AGENT',
		createdAt: iso(now - (500 - index) * DAY_MS),
		status: index === 5 ? 'INACTIVE' : 'ACTIVE',
		connection: rng.pick(['ONLINE', 'OFFLINE', 'AWAY']),
		email: agent.email,
		photoThumbnailUrl: '',
		connectionUpdatedAt: iso(now - rng.int(1, 72) * 3_600_000),
		tier: index < 2 ? 'EXPERT' : 'INTERMEDIATE',
	}));
	const groups = [
		{ id: 1, key: 'tier-1', name: 'Tier 1', description: 'First line support', memberIds: [2, 3, 4] },
		{ id: 2, key: 'billing', name: 'Billing', description: 'Payments and refunds', memberIds: [1, 5] },
		{ id: 3, key: 'vip', name: 'VIP', description: 'Enterprise customers', memberIds: [1, 2, 6] },
	].map(({ memberIds, ...group }) => ({
		...group,
		project: 1,
		createdAt: iso(now - 400 * DAY_MS),
		members: memberIds.map((id) => agents[id - 1]),
	}));
	const customers = Array.from({ length: 40 }, (_, index) => {
		const displayName = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
		return {
			id: index + 1,
			sendbirdId: `sandbox_customer_${index + 1}`,
			displayName,
			project: 1,
			createdAt: iso(now - rng.int(30, 600) * DAY_MS),
			customFields: [],
		};
	});
	const tickets = Array.from({ length: 120 }, (_, index) => {
		const id = 12501 + index;
		const created = now - Math.floor(rng.next() * 390 * DAY_MS);
		const status2 = rng.pick(STATUS2);
		const agent = status2 === 'PENDING' || status2 === 'INITIALIZED' ? null : rng.pick(agents);
		const customer = rng.pick(customers);
		const closed = status2 === 'CLOSED' ? created + rng.int(1, 72) * 3_600_000 : null;
		return {
			id,
			channelName: `${customer.displayName}: ${rng.pick(SUBJECTS)}`,
			channelUrl: `sendbird_group_channel_${id}_${rng.hex(12)}`,
			status: status2 === 'CLOSED' ? 'CLOSED' : agent ? 'ASSIGNED' : 'UNASSIGNED',
			status2,
			priority: rng.pick(SENDBIRD_PRIORITIES),
			customer,
			group: rng.chance(0.7) ? { id: rng.int(1, 3) } : null,
			recentAssignment: agent ? { id: 9000 + index, agent, status: 'RESPONSED', assignedAt: iso(created + 60_000) } : null,
			ticketType: 'SENDBIRD',
			tags: [],
			customFields: [],
			closeStatus: closed ? 'CLOSED_BY_AGENT' : null,
			closeComment: null,
			issuedAt: iso(created),
			createdAt: iso(created),
			closedAt: closed ? iso(closed) : null,
			lastMessageAt: iso(closed ?? created + rng.int(1, 48) * 3_600_000),
			updatedAt: iso(closed ?? created + rng.int(1, 48) * 3_600_000),
			project: 1,
		};
	});
	for (const ticket of tickets) {
		if (ticket.group) ticket.group = { id: ticket.group.id, key: groups[ticket.group.id - 1].key, name: groups[ticket.group.id - 1].name };
	}
	// Notes over the last 13 months: the default 30-day window holds a few dozen.
	const notes = Array.from({ length: 400 }, (_, index) => {
		const ticket = rng.pick(tickets);
		const created = now - Math.floor(rng.next() * 395 * DAY_MS);
		const fromDashboard = rng.chance(0.7);
		return {
			id: 51 + index,
			ticket_id: ticket.id,
			note: rng.pick(NOTE_LINES),
			requestedFrom: fromDashboard ? 'DASHBOARD' : 'PLATFORM_API',
			createdBy: fromDashboard ? rng.pick(agents) : null,
			createdAt: iso(created),
			updatedAt: iso(created),
		};
	});
	return { agents, groups, customers, tickets, notes, next: { note: 51 + notes.length, customer: customers.length + 1 } };
}

/**
 * The whole data set for a seed.
 * @param {{ seed?: number, tickets?: number, now?: number }} [options]
 */
export function seedData({ seed = 42, tickets = 300, now = Date.now() } = {}) {
	const today = now - (now % DAY_MS);
	const rng = randomSource(seed);
	return {
		desk360: seedDesk360(rng, today, tickets),
		sendbird: seedSendbird(rng, today),
		// WhatsApp media by media id: uploads, webhook images and a seeded one.
		media: new Map(),
	};
}
