import type { INodeProperties, PreSendAction } from 'n8n-workflow';

import { returnAllAndLimit } from '../../shared/descriptions';
import { listAnswer, type OperationModule } from '../../shared/resource';

/** An ID the user types; SENDBIRD_DESK_PATH_IDS checks it and puts it into the URL. */
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

/**
 * An object picked from a searchable list (one page at a time, "load more"
 * for the next) or typed as its ID; `name` must match the path-ID table's
 * `parameter` when the ID goes into the URL.
 */
export function locatorField(
	name: string,
	displayName: string,
	description: string,
	searchListMethod: string,
	placeholder = 'e.g. 12512',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An ID is a whole number' } }],
			},
		],
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

/** Get one object by its ID: GET `${url}/:${idName}`; `field` picks it (default: typed as an ID). */
export function getOperation(
	singular: string,
	url: string,
	idName: string,
	idLabel: string,
	description: string,
	field: INodeProperties = idField(idName, idLabel, `The ID of the ${singular}`),
): OperationModule {
	return {
		option: {
			name: 'Get',
			value: 'get',
			action: `Get a ${singular}`,
			description,
			routing: { request: { method: 'GET', url: `${url}/:${idName}` } },
		},
		fields: [field],
	};
}

/** Get many objects of a list endpoint, page after page (Return All or Limit). */
export function getManyOperation(
	plural: string,
	url: string,
	description: string,
	options: { maxPageSize?: number; fields?: INodeProperties[] } = {},
): OperationModule {
	const { maxPageSize } = options;
	return {
		option: {
			name: 'Get Many',
			value: 'getAll',
			action: `Get many ${plural}`,
			description,
			routing: { request: { method: 'GET', url } },
		},
		fields: [...returnAllAndLimit, ...(options.fields ?? [])],
		answer: listAnswer(maxPageSize ? { pageSize: { parameter: 'limit', max: maxPageSize } } : undefined),
	};
}
