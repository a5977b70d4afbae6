import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';
import jsoncParser from 'jsonc-eslint-parser';

const nodesBase = (config) => ({
	plugins: { 'n8n-nodes-base': n8nNodesBase },
	rules: n8nNodesBase.configs[config].rules,
});

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/**', '*.js', '*.mjs'] },
	...tseslint.configs.recommended,
	n8nCommunityNodesPlugin.configs.recommended,
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
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
