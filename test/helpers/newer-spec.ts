/**
 * A synthetic "next AMPECO API" derived at test time from the shipped spec and index (never
 * written into the repository): one operation of each kind of change an upgrade has to handle.
 * Spec and index are both 3.170.0, as when AMPECO publishes a version.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generateCatalog, readPrevious, type Generated } from '../../scripts/generate-catalog';
import type { Inputs } from '../../scripts/upgrade/inputs';
import { INDEX_PATH, loadSpec } from '../../scripts/shared-data';

export const NEWER_VERSION = '3.170.0';

/** Operation values the synthetic spec changes, and how. */
export const CHANGED = {
	removed: 'PUT /resources/evses/v2.0/{evse}',
	removedSuccessor: 'PATCH /resources/evses/v2.1/{evse}',
	added: 'GET /resources/charge-points/v3.0',
	newlyDeprecated: 'GET /resources/charge-points/v2.0',
	nowDescribed: 'POST /resources/issues/v1.0',
	requiredAdded: 'POST /resources/downtime-period-notices/v1.0',
	enumAdded: 'POST /actions/parking-spaces/v1.0/{parkingSpace}/update-occupancy-status',
	fieldRemoved: 'POST /resources/parking-spaces/v1.0',
} as const;

type Spec = Record<string, any>;

const bodySchema = (op: Spec) => op.requestBody.content['application/json'].schema;

export function newerSpec(): Spec {
	const spec: Spec = structuredClone(loadSpec());
	const paths = spec.paths;
	spec.info.version = NEWER_VERSION;
	delete paths['/public-api/resources/evses/v2.0/{evse}'].put;
	const listing = paths['/public-api/resources/charge-points/v2.0'].get;
	paths['/public-api/resources/charge-points/v3.0'] = { get: { ...structuredClone(listing), operationId: 'chargePointsListV3' } };
	listing.deprecated = true;
	paths['/public-api/resources/issues/v1.0'] = {
		post: {
			operationId: 'issueCreate',
			summary: 'Issues / Create',
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, priority: { type: 'string', enum: ['low', 'high'] } } },
					},
				},
			},
			responses: { '201': { description: 'Created' } },
		},
	};
	bodySchema(paths['/public-api/resources/downtime-period-notices/v1.0'].post).required.push('description');
	bodySchema(paths['/public-api/actions/parking-spaces/v1.0/{parkingSpace}/update-occupancy-status'].post).properties.status.enum.push('reserved');
	delete bodySchema(paths['/public-api/resources/parking-spaces/v1.0'].post).properties.externalId;
	return spec;
}

/** The shipped index without the removed endpoint and with the added one. */
export function newerIndex(): string {
	const [header, ...rows] = readFileSync(INDEX_PATH, 'utf8').trim().split('\n');
	const kept = rows.filter((row) => !row.includes('\tPUT\t/public-api/resources/evses/v2.0/{evse}\t'));
	return [header, ...kept, 'resource / charge points\tGET\t/public-api/resources/charge-points/v3.0\tCharge Point / Listing\tno', ''].join('\n');
}

/** A spec (older than the shipped index) in which a listing stops being one: Return All and Limit would vanish, which nothing can carry. */
export function breakingSpec(): Spec {
	const spec: Spec = structuredClone(loadSpec());
	spec.info.version = '3.121.0';
	const data = spec.paths['/public-api/resources/locations/v1.0'].get.responses['200'].content['application/json'].schema.properties.data;
	Object.assign(data, { type: 'object', items: undefined });
	return spec;
}

/** Writes the inputs into a temporary folder as `openapi-<version>.json` and `endpoints-<version>.tsv`. */
export function writeInputs(spec: Spec, index?: string, dir = mkdtempSync(join(tmpdir(), 'ampeco-upgrade-'))): { spec: string; index?: string } {
	const specFile = join(dir, `openapi-${spec.info.version}.json`);
	writeFileSync(specFile, JSON.stringify(spec));
	if (index === undefined) return { spec: specFile };
	const indexFile = join(dir, `endpoints-${spec.info.version}.tsv`);
	writeFileSync(indexFile, index);
	return { spec: specFile, index: indexFile };
}

/** The newer spec and index as the generator reads them. */
export function newerInputs(): Inputs {
	return {
		specText: JSON.stringify(newerSpec()),
		indexText: newerIndex(),
		specName: `openapi-${NEWER_VERSION}.json`,
		indexName: `endpoints-${NEWER_VERSION}.tsv`,
		indexVersion: NEWER_VERSION,
	};
}

let upgraded: Generated | undefined;
/** The upgrade from the committed catalog and record to the newer inputs (computed once per test file). */
export function upgradedGeneration(): Generated {
	upgraded ??= generateCatalog(newerInputs(), readPrevious());
	return upgraded;
}
