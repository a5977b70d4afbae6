import { getManyOperation } from '../../shared/descriptions';
import type { ToolUse } from '../../../shared/toolUse';

export const { option, fields, answer } = getManyOperation('agents', '/agents', 'List the agents of the application');

export const tool: ToolUse = {
	description:
		"List the agents (support staff) of the Sendbird Desk application. Returns at most the node's limit of agents, as Sendbird Desk sends them.",
};
