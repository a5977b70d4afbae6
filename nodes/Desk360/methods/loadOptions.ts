import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeParameterResourceLocator,
	INodePropertyOptions,
} from 'n8n-workflow';

import { withHintInMessage } from '../../shared/editorError';
import { listObjects as listAll } from '../../shared/pages';
import { laravelPages } from '../shared/pages';
import { desk360Url } from '../shared/pathIds';
import { desk360Service } from '../shared/service';

/**
 * The product chosen in the node, when the current operation has one. Read
 * without extractValue: n8n's extractValue fails ("Could not find property")
 * for operations without a product field, such as Reason → Update.
 */
function chosenProduct(context: ILoadOptionsFunctions): number | undefined {
	const chosen = context.getCurrentNodeParameter('product') as INodeParameterResourceLocator | string | undefined;
	const product = typeof chosen === 'object' && chosen !== null ? chosen.value : chosen;
	const id = Number(product);
	return product !== undefined && product !== '' && Number.isInteger(id) ? id : undefined;
}

/** Every object of a list, for a dropdown. */
async function listObjects(...args: Parameters<typeof listAll>): Promise<IDataObject[]> {
	return await withHintInMessage(listAll(...args));
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
	const reasons = await listObjects(this, desk360Service, '/v1/reasons');
	return toOptions(reasons, (reason) => product === undefined || reason.product_id === product);
}

export async function getTicketTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const product = chosenProduct(this);
	const types = await listObjects(this, desk360Service, '/v1/types');
	// product_id 0 marks the built-in types every product shares.
	return toOptions(
		types,
		(type) => product === undefined || type.product_id === product || type.product_id === 0,
	);
}

/** The WhatsApp templates of the chosen product (every page). */
async function productTemplates(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const product = chosenProduct(context);
	if (product === undefined) return [];
	const url = desk360Url(context, '/v1/products/:productId/conversations/templates', { product });
	return await listObjects(context, desk360Service, url, { rules: { readPage: laravelPages } });
}

/** The languages of the chosen template, or of the chosen language only once one is picked. */
async function templateLanguages(context: ILoadOptionsFunctions, onlyChosen: boolean): Promise<IDataObject[]> {
	const templateId = String(context.getCurrentNodeParameter('templateId') ?? '');
	if (templateId === '') return [];
	const template = (await productTemplates(context)).find((each) => String(each.id) === templateId);
	const languages = (template?.languages ?? []) as IDataObject[];
	const chosen = onlyChosen ? String(context.getCurrentNodeParameter('languageCode') ?? '') : '';
	return chosen === '' ? languages : languages.filter((language) => language.language_code === chosen);
}

export async function getWhatsAppTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await productTemplates(this))
		.map((template) => ({ name: String(template.template_name ?? template.id), value: Number(template.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getWhatsAppTemplateLanguages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await templateLanguages(this, false)).map((language) => ({
		name: `${String(language.language_name ?? language.language_code)} (${String(language.language_code)})`,
		value: String(language.language_code),
	}));
}

/** The parameter keys the template lists (for the chosen language once one is picked). */
export async function getWhatsAppTemplateParameters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const keys = new Set(
		(await templateLanguages(this, true)).flatMap((language) => (language.parameters ?? []) as string[]),
	);
	return [...keys].map((key) => ({ name: key, value: key }));
}
