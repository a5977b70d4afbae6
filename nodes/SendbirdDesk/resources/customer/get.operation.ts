import { getOperation, locatorField } from '../../shared/descriptions';
import type { ToolUse } from '../../../shared/toolUse';

export const { option, fields } = getOperation(
	'customer',
	'/customers',
	'customerId',
	'Customer',
	'Get a customer by their Desk ID',
	locatorField('customerId', 'Customer', 'The customer: search by name or Sendbird user ID, or give their Desk ID', 'searchCustomers'),
);

export const tool: ToolUse = {
	description:
		'Get one Sendbird Desk customer by their Desk id. To find the id, use the tool that lists customers. Returns the customer as Sendbird Desk sends it.',
	arguments: {
		customerId: {
			key: 'customer_id',
			description: "The customer's numeric Desk id, e.g. 12512: the id field of a customer from the tool that lists customers (not the Sendbird user ID)",
			type: 'number',
		},
	},
};
