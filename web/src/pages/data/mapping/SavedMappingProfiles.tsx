import { useId, useState } from 'react';
import { useMappingProfileMutations } from './useMappingProfileMutations';
import { useMappingProfilesQuery } from './useMappingProfilesQuery';

function download(name: string, document: string): void {
  const url = URL.createObjectURL(new Blob([document], { type: 'application/json' }));
  const anchor = window.document.createElement('a');
  anchor.href = url;
  anchor.download = `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.mapping.json`;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saved mapping profiles: exported as a JSON file (for `npm run etl -- load … --profile-file`), imported, deleted. */
export function SavedMappingProfiles() {
  const profiles = useMappingProfilesQuery();
  const { save, remove } = useMappingProfileMutations();
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { heading: useId(), import: useId() };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    await save.mutateAsync(await file.text()).catch((e: Error) => setProblem(e.message));
  };

  return (
    <section className="card" aria-labelledby={ids.heading} data-testid="mapping-profiles">
      <h2 id={ids.heading} className="chart-frame__title">
        Mapping profiles
      </h2>
      <p className="chart-frame__description">
        How the program's own exports (EHR tables, spreadsheets, attendance reports) map onto the data contract. An
        upload whose columns match a profile loads with it by itself.
      </p>
      {profiles.isPending && <p>Loading…</p>}
      {profiles.error && <p className="form-problem">{profiles.error.message}</p>}
      {profiles.data?.length === 0 && (
        <p>No profiles yet: upload an export that is not in the contract's shape to make one.</p>
      )}
      {profiles.data && profiles.data.length > 0 && (
        <ul className="mapping-profiles">
          {profiles.data.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong> (version {p.version}, saved by {p.savedBy ?? 'unknown'} on{' '}
              {new Date(p.savedAt).toLocaleDateString('en-US')}){' '}
              <button type="button" onClick={() => download(p.name, p.document)}>
                Export {p.name}
              </button>{' '}
              <button
                type="button"
                disabled={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Delete the mapping profile “${p.name}”? Its versions are kept in the database.`))
                    remove.mutate(p.name);
                }}
              >
                Delete {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={ids.import}>Import a profile (.json)</label>{' '}
      <input
        id={ids.import}
        type="file"
        accept=".json,application/json"
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      {problem && (
        <p role="alert" className="form-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
