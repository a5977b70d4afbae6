import type { INodeType } from 'n8n-workflow';

import { Desk360 } from '../../nodes/Desk360/Desk360.node';
import { SendbirdDesk } from '../../nodes/SendbirdDesk/SendbirdDesk.node';
import { buildWorkflow } from '../helpers/n8n';

/** Every resource and operation of a node, with the names the editor shows for them. */
function operationsOf(nodeType: INodeType) {
	const { properties } = nodeType.description;
	const resources = properties.find((property) => property.name === 'resource')!.options as Array<{ name: string; value: string }>;
	return resources.flatMap((resource) => {
		const operation = properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value),
		)!;
		return (operation.options as Array<{ name: string; value: string }>).map((option) => ({
			parameters: { resource: resource.value, operation: option.value },
			subtitle: `${option.name}: ${resource.name}`,
		}));
	});
}

describe.each([
	['Desk360', new Desk360()],
	['Sendbird Desk', new SendbirdDesk()],
])('%s node subtitle', (_name, nodeType) => {
	it.each(operationsOf(nodeType))('reads "$subtitle" for $parameters.resource / $parameters.operation', ({ parameters, subtitle }) => {
		const { workflow, node } = buildWorkflow({ nodeType, credentialTypes: {} }, parameters);
		const shown = workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle!, 'internal', {});
		expect(shown).toBe(subtitle);
	});
});
