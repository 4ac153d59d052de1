import { DateText } from '../charts/DateText';
import { COMPARISON_LABELS, type ComparisonKind } from '@iop/metrics/comparison-period';
import { useId } from 'react';
import { useDataFreshnessQuery } from '../data/useDataFreshnessQuery';
import { CustomPeriodInputs } from './CustomPeriodInputs';
import { isIsoDate } from './dates';
import { DEFAULT_FILTERS, type FilterName, type FilterState, type PeriodPreset } from './filter-state';
import { GROUP_TYPE_LABELS, GROUP_TYPES } from './group-types';
import { resolvePeriod } from './metrics-filter';
import { MultiCheckbox } from './MultiCheckbox';
import { useFilters } from './useFilters';
import { useSitesQuery } from './useSitesQuery';

const PERIOD_LABELS: Record<PeriodPreset, string> = {
  last30: 'Last 30 days',
  last90: 'Last 90 days',
  quarter: 'Quarter to date',
  year: 'Last 12 months',
  lastMonth: 'Last full month',
  lastQuarter: 'Last full quarter',
  lastYear: 'Last full year',
  custom: 'Custom dates…',
};

const GROUP_TYPE_OPTIONS = GROUP_TYPES.map((t) => ({ value: t, label: GROUP_TYPE_LABELS[t] }));

/**
 * One filter bar for every page, showing only the filters the page applies (`applies`, from
 * app/pages.ts); its only state is the URL, so views survive page changes and links.
 */
export function FilterBar({ applies }: { applies: readonly FilterName[] }) {
  const shows = (name: FilterName) => applies.includes(name);
  const { filters, setFilters } = useFilters();
  const freshness = useDataFreshnessQuery();
  const sites = useSitesQuery();
  const asOf = filters.asOf ?? freshness.data?.defaultAsOf ?? null;
  const period = asOf ? resolvePeriod(filters, asOf) : null;
  const ids = { period: useId(), asOf: useId(), compare: useId(), summary: useId() };
  const update = (patch: Partial<FilterState>) => setFilters({ ...filters, ...patch });

  const choosePeriod = (value: PeriodPreset) =>
    // Custom starts from the dates on screen, so switching to it changes nothing until edited.
    value === 'custom' && period
      ? update({ period: value, from: period.from, to: period.to })
      : update({ period: value, from: null, to: null });

  return (
    <form
      className="filter-bar"
      aria-label="Filters"
      aria-describedby={ids.summary}
      onSubmit={(e) => e.preventDefault()}
    >
      {shows('period') && (
        <div className="filter-bar__field">
          <label htmlFor={ids.period}>Period</label>
          <select id={ids.period} value={filters.period} onChange={(e) => choosePeriod(e.target.value as PeriodPreset)}>
            {Object.entries(PERIOD_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      )}
      {shows('period') && filters.period === 'custom' && filters.from && filters.to && (
        <CustomPeriodInputs from={filters.from} to={filters.to} onChange={(from, to) => update({ from, to })} />
      )}
      {shows('compare') && (
        <div className="filter-bar__field">
          <label htmlFor={ids.compare}>Compare with</label>
          <select
            id={ids.compare}
            value={filters.compare}
            onChange={(e) => update({ compare: e.target.value as ComparisonKind })}
          >
            {Object.entries(COMPARISON_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      )}
      {shows('asOf') && (
        <div className="filter-bar__field">
          <label htmlFor={ids.asOf}>As of</label>
          <input
            id={ids.asOf}
            type="date"
            value={asOf ?? ''}
            onChange={(e) =>
              isIsoDate(e.target.value) &&
              update({ asOf: e.target.value === freshness.data?.defaultAsOf ? null : e.target.value })
            }
          />
        </div>
      )}
      {shows('groupTypes') && (
        <MultiCheckbox
          legend="Group types"
          options={GROUP_TYPE_OPTIONS}
          selected={filters.groupTypes}
          onChange={(groupTypes) => update({ groupTypes })}
        />
      )}
      {shows('sites') && sites.available && sites.data && (
        <MultiCheckbox
          legend="Sites"
          options={sites.data.map((s) => ({ value: s.id, label: s.name }))}
          selected={filters.siteIds}
          onChange={(siteIds) => update({ siteIds })}
        />
      )}
      <div className="filter-bar__footer">
        <p id={ids.summary} className="filter-bar__summary" aria-live="polite">
          {period ? (
            <>
              {shows('period') ? (
                <>
                  <DateText iso={period.from} /> to <DateText iso={period.to} />, as of <DateText iso={asOf} />
                </>
              ) : (
                <>
                  As of <DateText iso={asOf} />
                </>
              )}
              {!sites.available && filters.siteIds.length > 0 && <> · sites: {filters.siteIds.join(', ')}</>}
            </>
          ) : freshness.isPending ? (
            'Finding the latest date in the data…'
          ) : (
            'No data loaded yet: no period to show.'
          )}
        </p>
        <button type="button" onClick={() => setFilters(DEFAULT_FILTERS)}>
          Reset filters
        </button>
      </div>
    </form>
  );
}
