import { useState, type FormEvent } from 'react';
import { navigate } from '../../routing/useRoute';
import { useSitesQuery } from '../../filters/useSitesQuery';
import { useReleaseActions } from './useReleases';

const KINDS = [
  { kind: 'month', label: 'Month' },
  { kind: 'quarter', label: 'Quarter' },
  { kind: 'half', label: 'Half-year' },
  { kind: 'year', label: 'Year' },
] as const;

/** Opens a draft release of one calendar period for all sites or one set of sites. */
export function OpenDraftForm() {
  const sites = useSitesQuery();
  const { open } = useReleaseActions();
  const [kind, setKind] = useState('quarter');
  const [from, setFrom] = useState('');
  const [site, setSite] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate(
      { periodKind: kind, from, siteIds: site ? [site] : null },
      { onSuccess: (draft) => navigate(`/releases?id=${draft.releaseId}`) },
    );
  };
  return (
    <section className="card report-section" aria-labelledby="open-draft">
      <h2 id="open-draft">Open a draft release</h2>
      <p className="plain-words">
        A release is the outcome report of one calendar period for a funder. You see what it will hide, and why, before
        you publish it; once published it never changes.
      </p>
      <form className="release-form" onSubmit={submit}>
        <label>
          Period
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Starting on
          <input type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          Sites
          <select value={site} onChange={(e) => setSite(e.target.value)}>
            <option value="">All sites</option>
            {(sites.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={open.isPending}>
          {open.isPending ? 'Preparing…' : 'Open draft'}
        </button>
      </form>
      {open.error && (
        <p role="alert" className="report-downloads__error">
          {open.error.message}
        </p>
      )}
    </section>
  );
}
