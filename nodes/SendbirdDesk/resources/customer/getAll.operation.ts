import { getManyOperation } from '../../shared/descriptions';

export const { option, fields, answer } = getManyOperation('customers', '/customers', 'List the customers of the application');
