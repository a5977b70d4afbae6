import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const README_URL = 'https://github.com/n8n-nodes-helpdesk/n8n-nodes-helpdesk';

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces as dashes. */
function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

const anchors = new Set(
	readFileSync(join(root, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) => anchorOf(line.replace(/^#+ /, ''))),
);

function files(folder: string, suffix: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return files(path, suffix);
		return entry.name.endsWith(suffix) ? [path] : [];
	});
}

/** Every documentation link of the codex files (all nodes, whatever exists) and of the credentials. */
const links: Array<[string, string]> = [
	...files(join(root, 'nodes'), '.node.json').flatMap((file) => {
		const codex = JSON.parse(readFileSync(file, 'utf8')) as { resources?: Record<string, Array<{ url: string }>> };
		return Object.values(codex.resources ?? {}).flat().map(({ url }): [string, string] => [relative(root, file), url]);
	}),
	...files(join(root, 'credentials'), '.credentials.ts').flatMap((file) =>
		[...readFileSync(file, 'utf8').matchAll(/documentationUrl = '([^']+)'/g)].map((match): [string, string] => [relative(root, file), match[1]]),
	),
];

describe('documentation links', () => {
	it('finds the codex files of every node', () => {
		expect(files(join(root, 'nodes'), '.node.json').length).toBeGreaterThanOrEqual(3);
	});

	it.each(links)('%s links %s to a README heading that exists', (_file, url) => {
		expect(url.startsWith(`${README_URL}#`)).toBe(true);
		expect([...anchors]).toContain(url.slice(url.indexOf('#') + 1));
	});
});
