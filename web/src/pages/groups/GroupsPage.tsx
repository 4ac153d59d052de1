import { GROUP_TYPE_LABELS } from '../../filters/group-types';
import { useMetricsFilter } from '../../filters/useMetricsFilter';
import { useRoute } from '../../routing/useRoute';
import { Breadcrumbs, type Crumb } from './Breadcrumbs';
import { drillSearch, parseDrill } from './drill-state';
import { GroupFunnelSection } from './GroupFunnelSection';
import { GroupsLevel } from './GroupsLevel';
import { GroupTypesLevel } from './GroupTypesLevel';
import { SessionsLevel } from './SessionsLevel';
import { useDrilldownSessionsQuery } from './useDrilldownSessionsQuery';

/** Group type → groups → sessions; the level is in the URL, so a drilled view can be shared. */
export default function GroupsPage() {
  const filter = useMetricsFilter();
  const { path, search } = useRoute();
  const drill = parseDrill(search);
  const href = (groupType: typeof drill.groupType, groupId: string | null = null) =>
    path + drillSearch(search, { groupType, groupId });
  // The group's name for the breadcrumb comes from the sessions query (shared cache, no extra call).
  const sessions = useDrilldownSessionsQuery(filter, drill.groupId);

  const crumbs: Crumb[] = [{ label: 'All group types', href: drill.groupType ? href(null) : null }];
  if (drill.groupType)
    crumbs.push({ label: GROUP_TYPE_LABELS[drill.groupType], href: drill.groupId ? href(drill.groupType) : null });
  if (drill.groupType && drill.groupId) crumbs.push({ label: sessions.data?.groupName ?? drill.groupId, href: null });

  return (
    <>
      <Breadcrumbs crumbs={crumbs} />
      {!drill.groupType && <GroupTypesLevel filter={filter} hrefFor={(t) => href(t)} />}
      {!drill.groupType && <GroupFunnelSection filter={filter} hrefFor={(t, id) => href(t, id)} />}
      {drill.groupType && !drill.groupId && (
        <GroupsLevel filter={filter} groupType={drill.groupType} hrefFor={(id) => href(drill.groupType, id)} />
      )}
      {drill.groupType && drill.groupId && (
        <SessionsLevel filter={filter} groupType={drill.groupType} groupId={drill.groupId} />
      )}
    </>
  );
}
