import { getOperation } from '../../shared/descriptions';

export const { option, fields } = getOperation('group', '/groups', 'groupId', 'Group ID', 'Get an agent group (team) by its ID');
