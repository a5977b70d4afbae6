import type { IDataObject } from 'n8n-workflow';

import { asObjects } from '../../shared/pagination';
import { desk360PagedRequest, type PageReader } from './transport';

/**
 * Lists answered as a Laravel page object ({ current_page, data, next_page_url, ... }),
 * such as WhatsApp templates: the next page is next_page_url, null on the last page.
 */
export const laravelPages: PageReader = (response) => {
	if (Array.isArray(response.body)) return { objects: asObjects(response.body) };
	const page = (response.body ?? {}) as IDataObject;
	const objects = Array.isArray(page.data) ? (page.data as IDataObject[]) : [];
	const next = page.next_page_url;
	// An empty page ends the list even if it names a next one, so a loop cannot go on forever.
	return { objects, next: typeof next === 'string' && next !== '' && objects.length > 0 ? next : undefined };
};

/** The request hook of operations that list Laravel page objects: Return All or Limit. */
export const laravelPagedRequest = desk360PagedRequest(laravelPages);
