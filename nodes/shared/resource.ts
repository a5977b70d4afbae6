import {
	updateDisplayOptions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

/** One operation file: its entry in the Operation dropdown (with routing) and its fields. */
export interface OperationModule {
	option: INodePropertyOptions;
	fields: INodeProperties[];
}

/** The Operation dropdown of a resource and the fields of each operation, shown only for it. */
export function resourceProperties(
	resource: string,
	operations: OperationModule[],
	defaultOperation = String(operations[0].option.value),
): INodeProperties[] {
	const options = operations
		.map((operation) => operation.option)
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...operations.flatMap((operation) =>
			updateDisplayOptions(
				{ show: { resource: [resource], operation: [operation.option.value as string] } },
				operation.fields,
			),
		),
	];
}
