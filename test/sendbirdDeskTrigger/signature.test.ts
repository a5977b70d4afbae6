import { API_TOKEN, deliver, delivery, signed, STARTED } from './fixtures';

const UNAUTHORIZED = { message: 'Unauthorized: the x-hub-signature is missing or does not match the body. No workflow was started.' };

function expectRefused(run: Awaited<ReturnType<typeof deliver>>) {
	expect(run.status).toBe(401);
	expect(run.body).toEqual(UNAUTHORIZED);
	expect(run.items).toEqual([]);
	expect(run.error).toBeUndefined();
}

describe('Sendbird Desk Trigger › signature', () => {
	it('starts the workflow for a body signed with the API token', async () => {
		const run = await deliver(delivery());

		expect(run.status).toBe(200);
		expect(run.body).toEqual(STARTED);
		expect(run.items).toHaveLength(1);
	});

	it('checks the signature over the raw bytes, not over the JSON they hold', async () => {
		const spaced = '{ "event" : "ticket.created",\n  "ticket": {"id": 12501} }';
		const compact = JSON.stringify(JSON.parse(spaced));

		expect((await deliver(spaced, { headers: { 'x-hub-signature': signed(spaced) } })).status).toBe(200);
		expectRefused(await deliver(spaced, { headers: { 'x-hub-signature': signed(compact) } }));
	});

	it('takes the signature’s hex digits in either case', async () => {
		const body = delivery();

		expect((await deliver(body, { headers: { 'X-Hub-Signature': signed(body).toUpperCase() } })).status).toBe(200);
	});

	it('answers 401 to a multipart form, whose bytes n8n’s form parser has taken', async () => {
		const body = `--b\r\nContent-Disposition: form-data; name="event"\r\n\r\nticket.created\r\n--b--\r\n`;

		expectRefused(await deliver(body, { contentType: 'multipart/form-data; boundary=b' }));
	});

	it('verifies bodies sent as text or without a content type too', async () => {
		const [text, untyped] = [delivery(), delivery()];

		expect((await deliver(text, { contentType: 'text/plain' })).items).toHaveLength(1);
		expect((await deliver(untyped, { contentType: null })).items).toHaveLength(1);
	});

	it.each([
		['no signature', () => ({})],
		['an empty signature', () => ({ 'x-hub-signature': '' })],
		['the signature of another body', () => ({ 'x-hub-signature': signed(delivery('ticket.closed')) })],
		['a signature made with another token', (body: string) => ({ 'x-hub-signature': signed(body, `${API_TOKEN}x`) })],
		['the bare hex digest, without sha1=', (body: string) => ({ 'x-hub-signature': signed(body).slice(5) })],
		['a SHA-256 signature', (body: string) => ({ 'x-hub-signature': `sha256=${signed(body).slice(5)}` })],
		['the signature in another header', (body: string) => ({ 'x-sendbird-signature': signed(body) })],
		['the signature one character short', (body: string) => ({ 'x-hub-signature': signed(body).slice(0, -1) })],
	])('answers 401 and starts nothing for %s', async (_case, headers) => {
		const body = delivery();

		expectRefused(await deliver(body, { headers: headers(body) }));
	});

	it('answers 401 to a body changed after signing', async () => {
		const body = delivery();

		expectRefused(await deliver(body.replace('ticket.created', 'ticket.closed'), { headers: { 'x-hub-signature': signed(body) } }));
	});

	it('lets nothing in while the credential’s API token is empty', async () => {
		const body = delivery();

		expectRefused(
			await deliver(body, { headers: { 'x-hub-signature': signed(body, '') } }, { credentials: { sendbirdDeskApi: { applicationId: 'app', apiToken: '', baseUrl: '' } } }),
		);
	});

	it('checks the signature before the body: a stranger learns nothing about what is accepted', async () => {
		// As text: broken JSON sent as application/json gets n8n's own 422 before the node runs.
		expectRefused(await deliver('not json', { headers: {}, contentType: 'text/plain' }));
	});

	it('puts the API token in no item and no answer', async () => {
		const run = await deliver(delivery());

		expect(JSON.stringify([run.items, run.body])).not.toContain(API_TOKEN);
	});
});
