/** What a scenario's check sees after its workflow ran in n8n against the mock tenant. */
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ExecutionResult } from '../../scripts/n8n/n8n-cli';
import type { LoggedRequest } from '../../scripts/mock-tenant/server';
import type { MockTenant } from '../../scripts/mock-tenant/tenant';
import type { Workflow } from '../../scripts/n8n/workflow';

export interface Item {
	json: Record<string, any>;
	binary?: Record<string, { data?: string; mimeType?: string; fileName?: string; fileExtension?: string; id?: string }>;
	pairedItem?: unknown;
}

export interface RunContext {
	result: ExecutionResult;
	/** Items of a node's first output (its last run). */
	items(node: string): Item[];
	/** Requests the mock tenant received during this execution, in order. */
	requests: LoggedRequest[];
	tenant: MockTenant;
	/** Text of a binary property, wherever n8n keeps it (in the item, or on disk in 2.x). */
	binaryText(binary: NonNullable<Item['binary']>[string]): string;
}

export interface Scenario {
	title: string;
	workflow: Workflow;
	/** The execution is expected to fail (a node error without Continue On Fail). */
	expectError?: boolean;
	check(ctx: RunContext): void;
}

export function contextFor(result: ExecutionResult, requests: LoggedRequest[], tenant: MockTenant, userFolder: string): RunContext {
	return {
		result,
		requests,
		tenant,
		binaryText(binary) {
			if (!binary.id) return Buffer.from(binary.data ?? '', 'base64').toString('utf8');
			// n8n 1.x "filesystem:<path>" under binaryData/, n8n 2.x "filesystem-v2:<path>" under storage/.
			const [mode, path] = binary.id.split(/:(.*)/s);
			const root = mode === 'filesystem-v2' ? 'storage' : 'binaryData';
			return readFileSync(join(userFolder, '.n8n', root, path), 'utf8');
		},
		items(node) {
			const runs = result.run?.data.resultData.runData[node];
			assert.ok(runs?.length, `node "${node}" did not run`);
			return (runs[runs.length - 1].data?.main[0] ?? []) as Item[];
		},
	};
}

/** Method and path (without /public-api) of each request, e.g. "GET /resources/sessions/v1.0". */
export function calls(requests: LoggedRequest[]): string[] {
	return requests.map((r) => `${r.method} ${r.path.replace(/^\/public-api/, '')}`);
}

/** The same, sorted: the node sends the requests of several items concurrently, in no fixed order. */
export function callSet(requests: LoggedRequest[]): string[] {
	return calls(requests).sort();
}

export function query(request: LoggedRequest): URLSearchParams {
	return new URLSearchParams(request.query);
}

export function body(request: LoggedRequest): unknown {
	return request.body === '' ? undefined : JSON.parse(request.body);
}

/** Plain JSON copy, to compare a dataset row with what went through n8n. */
export function plain<T>(value: T): T {
	return JSON.parse(JSON.stringify(value));
}
