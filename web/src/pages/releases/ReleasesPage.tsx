import { useRole } from '../../auth/useSession';
import { useRoute } from '../../routing/useRoute';
import { OpenDraftForm } from './OpenDraftForm';
import { ReleaseList } from './ReleaseList';
import { ReleaseView } from './ReleaseView';
import '../report/report.css';

/**
 * Funder releases. A funder sees the published releases of their sites and nothing else; directors
 * and quality leads also open drafts, review what will be hidden, and publish. `?id=` opens one.
 */
export default function ReleasesPage() {
  const role = useRole();
  const { search } = useRoute();
  const id = Number(new URLSearchParams(search).get('id'));
  if (Number.isInteger(id) && id > 0) return <ReleaseView releaseId={id} />;
  return (
    <div className="report-page" data-testid="releases">
      {role !== 'funder' && <OpenDraftForm />}
      <ReleaseList />
    </div>
  );
}
