import type { IDataObject } from 'n8n-workflow';

import type { OutputRule } from '../../../shared/output';

/** A template with `language_codes` and `parameter_keys` (of all its languages) next to Desk360's languages. */
function readableTemplate(template: IDataObject): IDataObject {
	const languages = Array.isArray(template.languages) ? (template.languages as IDataObject[]) : [];
	return {
		...template,
		language_codes: languages.map((language) => language.language_code),
		parameter_keys: [...new Set(languages.flatMap((language) => (language.parameters ?? []) as string[]))],
	};
}

/** Get Many: Simplify keeps what a send needs (ID, name, languages, parameter keys), not the texts. */
export const templateOutput: OutputRule = {
	readable: readableTemplate,
	simplified: ['id', 'template_name', 'language_codes', 'parameter_keys'],
};
