import { getOperation, locatorField } from '../../shared/descriptions';

export const { option, fields } = getOperation(
	'group',
	'/groups',
	'groupId',
	'Group',
	'Get an agent group (team) by its ID',
	locatorField('groupId', 'Group', 'The agent group (team): search by name or key, or give its ID', 'searchGroups', 'e.g. 3'),
);
