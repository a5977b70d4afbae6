import { getOperation, locatorField } from '../../shared/descriptions';
import type { ToolUse } from '../../../shared/toolUse';

export const { option, fields } = getOperation(
	'group',
	'/groups',
	'groupId',
	'Group',
	'Get an agent group (team) by its ID',
	locatorField('groupId', 'Group', 'The agent group (team): search by name or key, or give its ID', 'searchGroups', 'e.g. 3'),
);

export const tool: ToolUse = {
	description:
		'Get one Sendbird Desk agent group (team) by its id. To find the id, use the tool that lists groups. Returns the group as Sendbird Desk sends it.',
	arguments: {
		groupId: {
			key: 'group_id',
			description: "The group's numeric id, e.g. 3: the id field of a group from the tool that lists groups",
			type: 'number',
		},
	},
};
