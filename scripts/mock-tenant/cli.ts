/**
 * `npm run mock-tenant [-- --port 5681]`: the mock AMPECO tenant on its own, e.g. to point
 * a credential of an n8n you run yourself at it, or to try requests with curl.
 */
import { DEMO_TENANT_PORT } from '../n8n/config';
import { option } from '../n8n/process';
import { logLine, startMockTenant } from './server';

async function main(): Promise<void> {
	const port = Number(option('--port') ?? DEMO_TENANT_PORT);
	const server = await startMockTenant({ port, host: 'localhost', onRequest: (r) => console.log(logLine(r)) });
	console.log(`Mock AMPECO tenant at ${server.url} (any bearer token is accepted). Ctrl+C stops it.`);
	process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
