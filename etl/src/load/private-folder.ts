// A folder of the server that a load's words must not name: the API stores uploaded files in a
// private temporary folder, and its path is nobody's business on the dashboard (it tells how the
// server is laid out, and means nothing to the director who uploaded). Every message, detail and
// warning of such a load, recorded or returned, names the files in it by their own names and the
// folder itself as "the upload". Applied to the finished texts, so that it also covers a library's
// or the system's own words (an ENOENT naming a path, say), whatever produced them.

import path from 'node:path';

export const PRIVATE_FOLDER_NAME = 'the upload';

export type TextHider = (text: string) => string;

export function hidingFolder(folder: string | undefined): TextHider {
  if (folder === undefined) return (text) => text;
  const root = path.resolve(folder);
  const candidates = [...new Set([root, folder.replace(/[\\/]+$/, '')])].sort((a, b) => b.length - a.length);
  return (text) => {
    let hidden = text;
    for (const prefix of candidates) {
      hidden = hidden
        .split(prefix + path.sep)
        .join('')
        .split(prefix)
        .join(PRIVATE_FOLDER_NAME);
    }
    return hidden;
  };
}

function optional(hide: TextHider, text: string | undefined): string | undefined {
  return text === undefined ? undefined : hide(text);
}

/** The summary of one file with its words (not its real path, which stays for the caller) hidden. */
export function hideInFileWords<T extends { file: string; message?: string; detail?: string; warnings: string[] }>(
  hide: TextHider,
  summary: T,
): T {
  return {
    ...summary,
    file: hide(summary.file),
    message: optional(hide, summary.message),
    detail: optional(hide, summary.detail),
    warnings: summary.warnings.map(hide),
  };
}
