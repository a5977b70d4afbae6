import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

const root = join(__dirname, '..', '..');
const DOCS_BASE = 'https://github.com/n8n-nodes-helpdesk/n8n-nodes-helpdesk/blob/main/';
const PACKAGE = 'n8n-nodes-helpdesk';

function files(folder: string, suffix: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return files(path, suffix);
		return entry.name.endsWith(suffix) ? [path] : [];
	});
}

/** The instances of the classes a module exports (a node or credential file exports one). */
function instancesIn<T>(file: string): T[] {
	const exported = require(file) as Record<string, unknown>;
	return Object.values(exported)
		.filter((value): value is new () => T => typeof value === 'function' && /^class /.test(String(value)))
		.map((Class) => new Class());
}

interface Codex {
	node: string;
	resources: { primaryDocumentation: Array<{ url: string }>; credentialDocumentation: Array<{ url: string }> };
}

const nodes = files(join(root, 'nodes'), '.node.json').map((file) => {
	const codex = JSON.parse(readFileSync(file, 'utf8')) as Codex;
	const [nodeType] = instancesIn<INodeType>(file.replace(/\.json$/, '.ts'));
	return { file: relative(root, file), codex, nodeType };
});

const credentials = files(join(root, 'credentials'), '.credentials.ts').flatMap((file) =>
	instancesIn<ICredentialType>(file).map((credential) => ({ file: relative(root, file), credential })),
);

/**
 * The node's Docs link as n8n builds it: the codex's first primaryDocumentation
 * URL, then "?" and its utm parameters, appended as text (so after a "#" they
 * would land in the fragment). n8n-io/n8n,
 * packages/frontend/editor-ui/src/app/composables/useNodeDocsUrl.ts (n8n 2.41).
 */
function n8nNodeDocsLink(primaryDocUrl: string, nodeTypeName: string): string {
	const utmParams = new URLSearchParams({
		utm_source: 'n8n_app',
		utm_medium: 'node_settings_modal-credential_link',
		utm_campaign: nodeTypeName,
	});
	return `${primaryDocUrl}?${utmParams.toString()}`;
}

/**
 * The credential's documentation link as n8n builds it: a URL outside
 * docs.n8n.io is opened as it is. n8n-io/n8n,
 * packages/frontend/editor-ui/src/features/credentials/components/CredentialEdit/CredentialConfig.vue (n8n 2.41).
 */
function n8nCredentialDocsLink(documentationUrl: string): string {
	const url = new URL(documentationUrl);
	if (url.hostname !== 'docs.n8n.io') return documentationUrl;
	url.searchParams.set('utm_source', 'n8n_app');
	url.searchParams.set('utm_medium', 'credential_settings');
	url.searchParams.set('utm_campaign', 'create_new_credentials_modal');
	return url.href;
}

/** The repository file a GitHub link opens (its query left aside), or why it opens none. */
function fileOpenedBy(link: string): string {
	const url = new URL(link);
	if (url.hash !== '') return `a page with the fragment ${url.hash}`;
	const base = new URL(DOCS_BASE);
	if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return `not a file of the repository: ${link}`;
	const file = decodeURIComponent(url.pathname.slice(base.pathname.length));
	const path = join(root, file);
	return existsSync(path) && statSync(path).isFile() ? file : `a file the repository does not have: ${file}`;
}

const nodeLinks = nodes.flatMap(({ file, codex }) =>
	Object.values(codex.resources).flat().map(({ url }) => ({ file, url, nodeTypeName: codex.node })),
);
const credentialLinks = credentials.map(({ file, credential }) => ({ file, url: credential.documentationUrl! }));

describe('documentation links', () => {
	it('finds every node and credential', () => {
		expect(nodes.map(({ nodeType }) => nodeType.description.name).sort()).toEqual([
			'desk360',
			'desk360TicketTrigger',
			'desk360Trigger',
			'sendbirdDesk',
			'sendbirdDeskTrigger',
		]);
		expect(credentials.map(({ credential }) => credential.name).sort()).toEqual([
			'desk360Api',
			'desk360WhatsAppWebhookApi',
			'sendbirdDeskApi',
		]);
	});

	it.each([...nodeLinks, ...credentialLinks])('$file: $url has no fragment and opens a page of the repository', ({ url }) => {
		expect(url).not.toContain('#');
		expect(fileOpenedBy(url)).toMatch(/^docs\/.+\.md$/);
	});

	it.each(nodeLinks)('$file: $url still opens its page with the query n8n appends', ({ url, nodeTypeName }) => {
		const link = n8nNodeDocsLink(url, nodeTypeName);
		expect(fileOpenedBy(link)).toBe(fileOpenedBy(url));
		expect(new URL(link).searchParams.get('utm_campaign')).toBe(nodeTypeName);
	});

	it.each(credentialLinks)('$file: $url opens its page as n8n links it, and with a query appended', ({ url }) => {
		expect(fileOpenedBy(n8nCredentialDocsLink(url))).toBe(fileOpenedBy(url));
		expect(fileOpenedBy(n8nNodeDocsLink(url, `${PACKAGE}.any`))).toBe(fileOpenedBy(url));
	});

	it('gives every node and every credential a page of its own', () => {
		const pages = [...nodes.map(({ codex }) => codex.resources.primaryDocumentation[0].url), ...credentialLinks.map(({ url }) => url)];
		expect(new Set(pages).size).toBe(pages.length);
	});

	it.each(nodes)("$file: the credential pages are those of the node's credentials", ({ codex, nodeType }) => {
		expect(codex.node).toBe(`${PACKAGE}.${nodeType.description.name}`);
		const pageOf = new Map(credentials.map(({ credential }) => [credential.name, credential.documentationUrl]));
		const expected = (nodeType.description.credentials ?? []).map((credential) => pageOf.get(credential.name));
		expect(codex.resources.credentialDocumentation.map(({ url }) => url)).toEqual(expected);
	});
});

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces as dashes. */
function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

function anchorsIn(file: string): string[] {
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) => anchorOf(line.replace(/^#+ /, '')));
}

const pageLinks = files(join(root, 'docs'), '.md').flatMap((page) =>
	[...readFileSync(page, 'utf8').matchAll(/\]\(([^)]+)\)/g)]
		.map((match) => match[1])
		.filter((target) => !/^https?:/.test(target))
		.map((target) => ({ page: relative(root, page), target })),
);

describe('documentation pages', () => {
	it.each(files(join(root, 'docs'), '.md').map((page) => relative(root, page)))('%s links back to the README', (page) => {
		expect(pageLinks.filter((link) => link.page === page).some(({ target }) => target.startsWith('../../README.md#'))).toBe(true);
	});

	it.each(pageLinks)('$page: $target is a file and heading that exist', ({ page, target }) => {
		const [path, anchor] = target.split('#');
		const file = resolve(root, dirname(page), path);
		expect(existsSync(file)).toBe(true);
		if (anchor !== undefined) expect(anchorsIn(file)).toContain(anchor);
	});
});
