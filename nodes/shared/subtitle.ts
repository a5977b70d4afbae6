import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Node subtitles (the line under a node on the canvas) built from the fields'
 * own option names, so a new operation or event needs nothing extra. n8n
 * evaluates the expression in the editor, with the node's parameters.
 */

function optionsOf(field: INodeProperties | undefined): INodePropertyOptions[] {
	return ((field?.options ?? []) as INodePropertyOptions[]).filter((option) => 'value' in option);
}

/** A flat value → name table as an expression literal (flat JSON never holds the "}}" that ends n8n's expression). */
function table(entries: Array<[unknown, string]>): string {
	return JSON.stringify(Object.fromEntries(entries.map(([value, name]) => [String(value), name])));
}

/** "Get Many: Ticket": the chosen operation and resource by the names of the Operation and Resource options. */
export function resourceOperationSubtitle(properties: INodeProperties[]): string {
	const resources = optionsOf(properties.find((property) => property.name === 'resource'));
	const names = resources.flatMap((resource) => {
		const operationField = properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value),
		);
		return optionsOf(operationField).map((operation): [unknown, string] => [
			`${String(resource.value)}:${String(operation.value)}`,
			`${operation.name}: ${resource.name}`,
		]);
	});
	return `={{ (${table(names)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

/** "New Ticket, Updated Ticket": the values chosen in a multi-options field, by their option names. */
export function chosenOptionsSubtitle(field: INodeProperties): string {
	const names = table(optionsOf(field).map((option): [unknown, string] => [option.value, option.name]));
	return `={{ [].concat($parameter["${field.name}"] ?? []).map((value) => (${names})[value] ?? value).join(", ") }}`;
}

/** The names typed in a text field, one per comma or line, tidied (as listEntries reads them); `whenEmpty` for none. */
export function listedNamesSubtitle(field: INodeProperties, whenEmpty: string): string {
	return `={{ String($parameter["${field.name}"] ?? "").split(/[\\n,]/).map((name) => name.trim()).filter((name) => name !== "").join(", ") || ${JSON.stringify(whenEmpty)} }}`;
}
