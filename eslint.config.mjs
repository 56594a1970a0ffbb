// n8n's own rule sets for community packages (@n8n/node-cli: community-nodes recommended +
// eslint-plugin-n8n-nodes-base), over the shipped source and package.json. Tests and
// build scripts run in Node, not in n8n, so the community-node rules do not apply to them.
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

export default [
	globalIgnores(['test/**', 'scripts/**', '.work/**', 'examples/**', 'node_modules/**', 'dist/**', 'coverage/**']),
	...config,
];
