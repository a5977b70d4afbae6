// Jest transform for the sandbox's ES modules that the tests share (its rate
// limiter): compiled to CommonJS, as ts-jest compiles the tests themselves.
const ts = require('typescript');

module.exports = {
	process(source, filename) {
		const { outputText } = ts.transpileModule(source, {
			compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021 },
			fileName: filename.replace(/\.mjs$/, '.js'),
		});
		return { code: outputText };
	},
};
