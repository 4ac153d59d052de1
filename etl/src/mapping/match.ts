// Which of a profile's file mappings a source file is: by its header signature (the same column
// names, any order and case), its file name pattern, or both when both are given.

import { headerKey } from './map-row';
import type { FileMapping, MappingProfile } from './profile';

/** The header as a set-like signature: trimmed, lower case, blanks dropped, sorted. */
export function headerSignature(header: readonly string[]): string {
  return [...new Set(header.map(headerKey).filter((name) => name !== ''))].sort().join('|');
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${escaped}$`, 'i');
}

function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

export function fileMappingMatches(mapping: FileMapping, fileName: string, header: readonly string[]): boolean {
  const { match } = mapping;
  if (match.fileName !== undefined && !globToRegExp(match.fileName).test(baseName(fileName))) {
    // A name pattern alone decides; with a header too, the header may still match a renamed export.
    if (match.header === undefined) return false;
  }
  if (match.header !== undefined) return headerSignature(match.header) === headerSignature(header);
  return true;
}

/** The profile's mapping for this file, or null. */
export function findFileMapping(
  profile: MappingProfile,
  fileName: string,
  header: readonly string[],
): { mapping: FileMapping; index: number } | null {
  const index = profile.files.findIndex((mapping) => fileMappingMatches(mapping, fileName, header));
  return index < 0 ? null : { mapping: profile.files[index]!, index };
}
