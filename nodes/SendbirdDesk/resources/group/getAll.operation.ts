import { getManyOperation } from '../../shared/descriptions';

export const { option, fields, answer } = getManyOperation('groups', '/groups', 'List the agent groups (teams) of the application');
