// n8n's rule sets for community packages, as `n8n-node lint` applies them (@n8n/node-cli's
// `config`, n8n Cloud rules included), over the shipped source and package.json. The one
// change from n8n-node's default file: tests and build scripts are ignored, as they run in
// Node, not in n8n. Strict mode demands the default file verbatim, hence "strict": false in
// package.json; n8n's verification scan, which ignores this file, runs in the jest suite.
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

export default [
	globalIgnores(['test/**', 'scripts/**', '.work/**', 'examples/**', 'node_modules/**', 'dist/**', 'coverage/**']),
	...config,
];
