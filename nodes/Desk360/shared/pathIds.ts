import { fillPath, type PathIdRule } from '../../shared/pathIds';
import type { FieldContext } from '../../shared/validation';

/** The `:name` placeholders of Desk360's operation URLs, and the parameter that fills each. */
export const DESK360_PATH_IDS: Record<string, PathIdRule> = {
	productId: { field: 'Product', type: 'id', parameter: 'product' },
	ticketId: { field: 'Ticket', type: 'id', parameter: 'ticketId' },
	typeId: { field: 'Ticket Type', type: 'id', parameter: 'ticketTypeId' },
	reasonId: { field: 'Reason', type: 'id', parameter: 'reasonId' },
	templateId: { field: 'Template', type: 'id', parameter: 'templateId' },
	mediaId: { field: 'Media ID', type: 'segment', parameter: 'mediaId' },
};

/** A Desk360 URL with its placeholders filled from `values` (keyed by parameter name) by the same rules. */
export function desk360Url(context: FieldContext, template: string, values: Record<string, unknown>): string {
	return fillPath(context, template, DESK360_PATH_IDS, (rule) => values[rule.parameter]);
}
