import { getOperation } from '../../shared/descriptions';

export const { option, fields } = getOperation(
	'customer',
	'/customers',
	'customerId',
	'Customer ID',
	'Get a customer by their Desk ID',
);
