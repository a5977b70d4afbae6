// What the Desk360 modules share: finding objects by id (404
// model_not_found_exception) and the Link-header pages of lists.
import { ApiError } from './router.mjs';

export const PAGE_SIZE = 20;

export function modelNotFound(model, id) {
	return new ApiError(404, 'model_not_found_exception', `No query results for model [App\\Models\\${model}] ${id}`);
}

/** The object of a list with this id, or model_not_found_exception. */
export function find(list, id, model) {
	const found = /^\d+$/.test(String(id)) ? list.find((each) => each.id === Number(id)) : undefined;
	if (!found) throw modelNotFound(model, id);
	return found;
}

export function productOf(ctx) {
	return find(ctx.data.desk360.products, ctx.params.productId, 'Product');
}

/** The `page` query parameter: from 1; anything else is page 1, as Laravel reads it. */
export function pageNumber(ctx) {
	const requested = Number(ctx.query.get('page'));
	return Number.isInteger(requested) && requested >= 1 ? requested : 1;
}

/**
 * 20 a page, `Link: <next>; rel=next` while there is a next page (the other
 * query parameters kept); `show` turns the page's objects into what the answer shows.
 */
export function linkPage(ctx, list, show = (object) => object) {
	const page = pageNumber(ctx);
	const headers = {};
	if (page * PAGE_SIZE < list.length) {
		const next = new URL(ctx.linkUrl(ctx.url.pathname));
		for (const [key, value] of ctx.query) if (key !== 'page') next.searchParams.append(key, value);
		next.searchParams.set('page', String(page + 1));
		headers.Link = `<${next.href}>; rel=next`;
	}
	return { body: list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(show), headers };
}
