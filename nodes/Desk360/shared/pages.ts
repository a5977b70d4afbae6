import type { IDataObject } from 'n8n-workflow';

import { asObjects } from '../../shared/pages';
import type { PageReader } from '../../shared/service';

/** The rel="next" address of a Link header, if any. */
export function nextPageLink(headers: IDataObject): string | undefined {
	const raw = headers.link ?? headers.Link;
	const link = Array.isArray(raw) ? raw.join(',') : (raw as string | undefined);
	if (!link) return undefined;
	for (const part of link.split(',')) {
		const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
		if (match && /rel\s*=\s*"?next"?/i.test(match[2])) return match[1];
	}
	return undefined;
}

/** Most Desk360 lists: the body is the list; the next page is in the Link header. */
export const linkHeaderPages: PageReader = (answer) => ({
	objects: asObjects(answer.body),
	next: nextPageLink(answer.headers),
});

/**
 * Lists answered as a Laravel page object ({ current_page, data, next_page_url, ... }),
 * such as WhatsApp templates: the next page is next_page_url, null on the last page.
 */
export const laravelPages: PageReader = (answer) => {
	if (Array.isArray(answer.body)) return { objects: asObjects(answer.body) };
	const page = (answer.body ?? {}) as IDataObject;
	const objects = Array.isArray(page.data) ? (page.data as IDataObject[]) : [];
	const next = page.next_page_url;
	return { objects, next: typeof next === 'string' && next !== '' ? next : undefined };
};
