import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodesBase = (config) => ({
	plugins: { 'n8n-nodes-base': n8nNodesBase },
	rules: n8nNodesBase.configs[config].rules,
});

export default tseslint.config(
	// The package's TypeScript and the tooling's ES modules (sandbox, scripts,
	// bench, e2e); jest tests are type-checked by ts-jest.
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/**/*.ts', '**/*.js'] },
	// n8n's scanner lints with inline configuration off, so an eslint-disable
	// comment must not hide anything here either (each one is reported instead).
	{ linterOptions: { noInlineConfig: true } },
	// TypeScript rules for the sources only: package.json is a bare expression to them.
	{ files: ['**/*.ts'], extends: tseslint.configs.recommended },
	// The community-node rules are for what n8n loads, not for the tooling around it.
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'] },
	{
		files: ['**/*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: globals.node },
		// `_name` marks what a destructuring leaves out on purpose.
		rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }] },
	},
	// End-to-end tests also run functions inside the browser page (page.evaluate).
	{ files: ['test/e2e/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
	{
		files: ['package.json'],
		// The package.json rules walk a TypeScript-ESTree object literal, which
		// this parser produces for a .json file (as in n8n's scanner); a JSON
		// parser yields other node types and every one of those rules stays silent.
		languageOptions: { parser: tseslint.parser },
		...nodesBase('community'),
	},
	{ files: ['credentials/**/*.ts'], ...nodesBase('credentials') },
	{ files: ['nodes/**/*.ts'], ...nodesBase('nodes') },
	{
		rules: {
			// Main-repository conventions that the community-node rules supersede:
			// documentation links are full URLs, and inputs/outputs use NodeConnectionTypes.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
);
