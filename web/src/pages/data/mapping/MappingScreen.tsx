import { useEffect, useId, useState } from 'react';
import {
  draftFromSuggestion,
  draftsFromProfile,
  profileDocument,
  withColumnTarget,
  withValue,
  type FileDraft,
  type SavedFileMapping,
} from './draft';
import { FileMappingCard } from './FileMappingCard';
import { MappingPreviewView } from './MappingPreviewView';
import { useMappingPreviewQuery } from './useMappingPreviewQuery';
import { useMappingProfileMutations } from './useMappingProfileMutations';
import { useMappingProfilesQuery } from './useMappingProfilesQuery';
import { useMappingTargetsQuery } from './useMappingTargetsQuery';
import { useMappingUploadQuery } from './useMappingUploadQuery';

/**
 * The files of an upload that is not in the contract's shape and that no saved profile maps: the
 * director says what each file and column is, previews the result, saves it as a named profile
 * (applied by itself to the next upload of the same shape) and loads the upload with it.
 */
export function MappingScreen({ uploadId }: { uploadId: string }) {
  const files = useMappingUploadQuery(uploadId);
  const targets = useMappingTargetsQuery();
  const profiles = useMappingProfilesQuery();
  const { save, loadUpload } = useMappingProfileMutations();
  const [drafts, setDrafts] = useState<FileDraft[] | null>(null);
  const [name, setName] = useState('');
  const [previewOf, setPreviewOf] = useState<string | null>(null);
  const [savedProfile, setSavedProfile] = useState('');
  // The chosen profile's mappings of files this upload lacks: saved again with its next version.
  const [kept, setKept] = useState<SavedFileMapping[]>([]);
  const preview = useMappingPreviewQuery(uploadId, previewOf);
  const ids = { name: useId(), saved: useId(), heading: useId() };

  useEffect(() => {
    if (files.data && drafts === null) setDrafts(files.data.map(draftFromSuggestion));
  }, [files.data, drafts]);

  if (files.isPending || targets.isPending || drafts === null)
    return <p aria-live="polite">Reading the uploaded files…</p>;
  if (files.error || targets.error)
    return (
      <p role="alert" className="form-problem">
        {(files.error ?? targets.error)?.message}
      </p>
    );

  const update = (index: number, change: (d: FileDraft) => FileDraft) =>
    setDrafts((all) => all && all.map((d, i) => (i === index ? change(d) : d)));
  const document = profileDocument(name || 'Draft', drafts, kept);
  const saveAndLoad = async () => {
    const saved = await save.mutateAsync(profileDocument(name, drafts, kept));
    await loadUpload.mutateAsync({ uploadId, name: saved.name });
  };
  const busy = save.isPending || loadUpload.isPending;
  const startFrom = (profileName: string) => {
    const profile = profiles.data?.find((p) => p.name === profileName);
    if (!profile) return;
    const started = draftsFromProfile(files.data, profile.document);
    setDrafts(started.drafts);
    setKept(started.kept);
    setName(profile.name);
    setPreviewOf(null);
  };
  const error = save.error ?? loadUpload.error;

  return (
    <section className="mapping-screen" aria-labelledby={ids.heading} data-testid="mapping-screen">
      <h2 id={ids.heading} className="chart-frame__title">
        Map these files onto the data contract
      </h2>
      <p className="chart-frame__description">
        These files are not in the contract's shape and no saved mapping profile matches them. Say what each file and
        column is; check the preview; then save the mapping as a profile. The next upload with the same columns loads
        with it, with no questions. Columns left “not loaded” never reach the database.
      </p>
      {profiles.data && profiles.data.length > 0 && (
        <div className="mapping-screen__row">
          <label htmlFor={ids.saved}>Or use a saved profile</label>
          <select id={ids.saved} value={savedProfile} onChange={(e) => setSavedProfile(e.target.value)}>
            <option value="">(choose)</option>
            {profiles.data.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} (version {p.version})
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!savedProfile || busy}
            onClick={() => loadUpload.mutate({ uploadId, name: savedProfile })}
          >
            Load with it
          </button>
          <button type="button" disabled={!savedProfile || busy} onClick={() => startFrom(savedProfile)}>
            Change it for these files
          </button>
        </div>
      )}
      {files.data.map((file, index) => (
        <FileMappingCard
          key={file.fileName}
          file={file}
          draft={drafts[index]!}
          targets={targets.data}
          onTarget={(target) => update(index, (d) => ({ ...d, target }))}
          onColumn={(source, target) => update(index, (d) => withColumnTarget(d, source, target))}
          onValue={(target, value, code) => update(index, (d) => withValue(d, target, value, code))}
          onDateFormat={(dateFormat) => update(index, (d) => ({ ...d, dateFormat }))}
        />
      ))}
      <div className="mapping-screen__row">
        <button type="button" onClick={() => setPreviewOf(document)} disabled={preview.isFetching}>
          {preview.isFetching ? 'Previewing…' : 'Preview'}
        </button>
      </div>
      {preview.error && (
        <p role="alert" className="form-problem">
          {preview.error.message}
        </p>
      )}
      {preview.data && previewOf !== null && (
        <div aria-live="polite">
          {previewOf !== document && <p>The mapping changed since this preview: preview again to see its effect.</p>}
          <MappingPreviewView {...preview.data} />
        </div>
      )}
      <form
        className="mapping-screen__row"
        onSubmit={(e) => {
          e.preventDefault();
          void saveAndLoad().catch(() => undefined);
        }}
      >
        <label htmlFor={ids.name}>Profile name</label>
        <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        <button type="submit" className="button--primary" disabled={!name.trim() || busy}>
          {busy ? 'Saving…' : 'Save profile and load'}
        </button>
      </form>
      {error && (
        <p role="alert" className="form-problem">
          {error.message}
        </p>
      )}
    </section>
  );
}
