import { getManyOperation } from '../../shared/descriptions';

export const { option, fields } = getManyOperation('agents', '/agents', 'List the agents of the application');
