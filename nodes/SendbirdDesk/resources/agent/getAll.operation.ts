import { getManyOperation } from '../../shared/descriptions';

export const { option, fields, answer } = getManyOperation('agents', '/agents', 'List the agents of the application');
