import type { INodeProperties, PreSendAction } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import type { OperationModule } from '../../shared/resource';
import { validateRequest } from '../../shared/validation';
import { pagesOf } from './transport';

/** Most list endpoints take pages of up to 500; ticket notes only 100. */
export const MAX_PAGE_SIZE = 500;

/** An ID the user types; a `path` rule of validateRequest checks it and puts it into the URL. */
export function idField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 12512',
		description,
	};
}

/** The Filters collection of a Get Many operation; `checks` validate what it adds to the query. */
export function filtersCollection(options: INodeProperties[], ...checks: PreSendAction[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		routing: { send: { preSend: checks } },
		options,
	};
}

/** Get one object by its ID: GET `${url}/:${idName}`. */
export function getOperation(
	singular: string,
	url: string,
	idName: string,
	idLabel: string,
	description: string,
): OperationModule {
	return {
		option: {
			name: 'Get',
			value: 'get',
			action: `Get a ${singular}`,
			description,
			routing: {
				request: { method: 'GET', url: `${url}/:${idName}` },
				send: { preSend: [validateRequest({ [idName]: { field: idLabel, type: 'id', in: 'path' } })] },
			},
		},
		fields: [idField(idName, idLabel, `The ID of the ${singular}`)],
	};
}

/** Get many objects of a list endpoint, page after page (Return All or Limit). */
export function getManyOperation(
	plural: string,
	url: string,
	description: string,
	options: { maxPageSize?: number; fields?: INodeProperties[] } = {},
): OperationModule {
	return {
		option: {
			name: 'Get Many',
			value: 'getAll',
			action: `Get many ${plural}`,
			description,
			routing: {
				request: { method: 'GET', url },
				send: { preSend: [pagesOf(options.maxPageSize ?? MAX_PAGE_SIZE)] },
			},
		},
		fields: [...returnAllAndLimit, ...(options.fields ?? [])],
	};
}
