import path from 'node:path';
import { hidingFolder, PRIVATE_FOLDER_NAME } from './private-folder';

describe('hidingFolder', () => {
  const folder = path.join('/tmp', 'iop-upload-abc');
  const hide = hidingFolder(folder);

  it('names a file in the folder by its own name, and the folder as the upload', () => {
    expect(hide(`sites: ${folder}/Sites.csv, ${folder}/sites.csv`)).toBe('sites: Sites.csv, sites.csv');
    expect(hide(folder)).toBe(PRIVATE_FOLDER_NAME);
    expect(hide(`ENOENT: no such file or directory, open '${folder}/x.csv'`)).toBe(
      "ENOENT: no such file or directory, open 'x.csv'",
    );
  });

  it('also hides the folder given with a trailing separator, and leaves other text alone', () => {
    expect(hidingFolder(`${folder}/`)(`${folder}/a.csv`)).toBe('a.csv');
    expect(hide('line 3: /tmp/other/a.csv')).toBe('line 3: /tmp/other/a.csv');
  });

  it('changes nothing without a folder', () => {
    expect(hidingFolder(undefined)(`${folder}/a.csv`)).toBe(`${folder}/a.csv`);
  });
});
