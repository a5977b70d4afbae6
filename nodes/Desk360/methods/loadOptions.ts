import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { desk360List } from '../shared/transport';

/** The product chosen in the node, when the current operation has one. */
function chosenProduct(context: ILoadOptionsFunctions): number | undefined {
	const product = context.getCurrentNodeParameter('product', { extractValue: true });
	const id = Number(product);
	return product && Number.isInteger(id) ? id : undefined;
}

function toOptions(objects: IDataObject[], keep: (object: IDataObject) => boolean): INodePropertyOptions[] {
	return objects
		.filter(keep)
		.map((object) => ({
			// Reasons answer with `name` in lists and `title` elsewhere.
			name: `${String(object.title ?? object.name)}${object.is_active === false ? ' (inactive)' : ''}`,
			value: Number(object.id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const product = chosenProduct(this);
	const reasons = await desk360List(this, '/v1/reasons');
	return toOptions(reasons, (reason) => product === undefined || reason.product_id === product);
}

export async function getTicketTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const product = chosenProduct(this);
	const types = await desk360List(this, '/v1/types');
	// product_id 0 marks the built-in types every product shares.
	return toOptions(
		types,
		(type) => product === undefined || type.product_id === product || type.product_id === 0,
	);
}
