import { getOperation, locatorField } from '../../shared/descriptions';

export const { option, fields } = getOperation(
	'customer',
	'/customers',
	'customerId',
	'Customer',
	'Get a customer by their Desk ID',
	locatorField('customerId', 'Customer', 'The customer: search by name or Sendbird user ID, or give their Desk ID', 'searchCustomers'),
);
