/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Each test drives n8n-core's engine: allow for a loaded 2-core machine.
	testTimeout: 20_000,
	// One worker per core (jest's default leaves one idle: half the speed on 2 cores).
	maxWorkers: '100%',
	setupFiles: ['<rootDir>/test/setup.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/teardown.ts'],
	// tsconfig.json sets isolatedModules, so ts-jest only transpiles: npm run lint
	// type-checks the tests with the sources (tsc -p tsconfig.json).
	// The sandbox's ES modules (its rate limiter) are shared with the tests: compiled to CommonJS like the tests.
	moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
	transform: {
		'^.+\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
		'^.+\.mjs$': '<rootDir>/test/mjsTransform.js',
	},
};
