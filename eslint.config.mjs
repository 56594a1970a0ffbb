// n8n's own rule sets for community packages (@n8n/node-cli: community-nodes recommended +
// eslint-plugin-n8n-nodes-base), over the shipped source and package.json. Tests and
// build scripts run in Node, not in n8n, so the community-node rules do not apply to them.
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

export default [
	globalIgnores(['test/**', 'scripts/**', '.work/**', 'examples/**', 'node_modules/**', 'dist/**', 'coverage/**']),
	...config,
	{
		// Pure helpers without access to the node: they throw InputError / Error, which the
		// router (execute/router.ts) turns into NodeOperationError with the item index.
		files: ['nodes/Ampeco/execute/values.ts', 'nodes/Ampeco/execute/custom-request.ts', 'nodes/Ampeco/shared/tenant-url.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
];
