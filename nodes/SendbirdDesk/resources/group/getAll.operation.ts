import { getManyOperation } from '../../shared/descriptions';
import type { ToolUse } from '../../../shared/toolUse';

export const { option, fields, answer } = getManyOperation('groups', '/groups', 'List the agent groups (teams) of the application');

export const tool: ToolUse = {
	description:
		"List the agent groups (teams) of the Sendbird Desk application. Returns at most the node's limit of groups, as Sendbird Desk sends them.",
};
