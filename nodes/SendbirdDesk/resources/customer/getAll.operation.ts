import { getManyOperation } from '../../shared/descriptions';
import type { ToolUse } from '../../../shared/toolUse';

export const { option, fields, answer } = getManyOperation('customers', '/customers', 'List the customers of the application');

export const tool: ToolUse = {
	description:
		"List the customers of the Sendbird Desk application. Use it to find a customer's Desk id for the tool that gets a customer. Returns at most the node's limit of customers, as Sendbird Desk sends them.",
};
