import { checkField, invalidField, type FieldContext, type FieldRule } from './validation';

/** How one `:name` placeholder of an operation URL is filled: from which parameter, checked how. */
export interface PathIdRule {
	/** The field's name as the user sees it. */
	field: string;
	/** `id`: a positive whole number; `segment`: a text ID that must stay one URL segment. */
	type: Extract<FieldRule['type'], 'id' | 'segment'>;
	/** The node parameter that holds the value (resource locators give their value). */
	parameter: string;
}

/** The `:name` placeholders of an operation URL, written as in the APIs' documents. */
const PLACEHOLDER = /:([A-Za-z]\w*)/g;

export function placeholdersOf(url: string): string[] {
	return [...url.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/**
 * Fills the placeholders of `url` with checked, URL-encoded values. The same
 * trimmed value is checked and sent; a value that could change the path
 * (`..`, `/`, `?`, `#`, `%2e`, ...) is refused before anything is sent.
 * `valueOf` reads a rule's value from wherever the caller keeps it (node
 * parameters, a webhook body).
 */
export function fillPath(
	context: FieldContext,
	url: string,
	rules: Record<string, PathIdRule>,
	valueOf: (rule: PathIdRule) => unknown,
): string {
	return url.replace(PLACEHOLDER, (_placeholder, name: string) => {
		const rule = rules[name];
		// A developer's mistake, caught by the description tests: every placeholder has a rule.
		if (!rule) throw invalidField(context, `URL placeholder :${name}`, 'has no ID rule');
		const raw = valueOf(rule);
		const checked = checkField(
			context,
			{ field: rule.field, type: rule.type, required: true },
			typeof raw === 'string' ? raw.trim() : raw,
		);
		return encodeURIComponent(String(checked));
	});
}
