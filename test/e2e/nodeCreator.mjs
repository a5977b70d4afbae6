// The editor's nodes panel ("node creator") as a user meets it, for the e2e
// tests: open it on a new workflow, search, read and pick its entries.

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Waits until `read()` gives a value `done(value)` accepts; returns the last value read. */
export async function waitFor(read, done, timeout = 20_000) {
	const start = Date.now();
	for (;;) {
		const value = await read();
		if (done(value) || Date.now() - start > timeout) return value;
		await sleep(200);
	}
}

/** Opens a new workflow and its nodes panel ("Add first step"), and types `search` into it. */
export async function searchNodesPanel(page, base, search) {
	await page.goto(`${base}/workflow/new`, { waitUntil: 'networkidle2', timeout: 60_000 });
	const add = await page.waitForSelector('[data-test-id="canvas-add-button"]', { visible: true, timeout: 30_000 });
	await add.click();
	const bar = await page.waitForSelector('[data-test-id="node-creator-search-bar"]', { visible: true, timeout: 20_000 });
	await bar.type(search);
}

/** Texts of the shown nodes-panel entries (name and description, one line each). */
export async function creatorEntries(page) {
	return await page.$$eval('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]', (items) =>
		items.filter((item) => item.offsetParent !== null).map((item) => item.innerText.trim().replace(/\s*\n+\s*/g, ' | ')),
	);
}

/** Clicks the first shown nodes-panel entry whose text `matches`; returns its text. */
export async function clickCreatorEntry(page, matches) {
	for (const entry of await page.$$('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]')) {
		const text = await entry.evaluate((item) => (item.offsetParent === null ? '' : item.innerText.trim()));
		if (text && matches(text)) {
			await entry.click();
			return text.replace(/\s*\n+\s*/g, ' | ');
		}
	}
	return undefined;
}
