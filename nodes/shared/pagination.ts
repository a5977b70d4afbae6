import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

export interface Page<Cursor> {
	objects: IDataObject[];
	/** Where the next page is; undefined on the last page. */
	next?: Cursor;
}

/**
 * Fetches pages until the last one, or until `limit` objects are in hand, so a
 * Limit never costs a request more than it needs.
 */
export async function collectPages<Cursor>(
	fetchPage: (cursor: Cursor | undefined) => Promise<Page<Cursor>>,
	limit?: number,
): Promise<IDataObject[]> {
	const objects: IDataObject[] = [];
	let cursor: Cursor | undefined;
	do {
		const page = await fetchPage(cursor);
		objects.push(...page.objects);
		if (limit !== undefined && objects.length >= limit) return objects.slice(0, limit);
		cursor = page.next;
	} while (cursor !== undefined);
	return objects;
}

/** The Limit of a Get Many operation, or undefined for Return All and for operations without one. */
export function requestedLimit(context: IExecuteSingleFunctions): number | undefined {
	if (context.getNodeParameter('returnAll', true) as boolean) return undefined;
	return context.getNodeParameter('limit', 50) as number;
}

/** An answer body as a list of objects: one n8n item each, never a wrapper. */
export function asObjects(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body === undefined || body === null || body === '') return [];
	if (typeof body === 'object') return [body as IDataObject];
	return [{ data: body }];
}

export function toItems(objects: IDataObject[], itemIndex: number): INodeExecutionData[] {
	return objects.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
