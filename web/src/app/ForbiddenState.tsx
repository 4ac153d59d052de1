import { Link } from '../routing/Link';

/** What a reader sees on a page (or figure) their role may not use: a plain statement, not an error. */
export function ForbiddenState({ homePath, what = 'this page' }: { homePath?: string; what?: string }) {
  return (
    <div className="forbidden-state" role="status" data-testid="forbidden">
      <p>
        <strong>Your role may not see {what}.</strong> Ask a clinical director if you need access.
      </p>
      {homePath && (
        <p>
          <Link href={homePath}>Go to your start page</Link>
        </p>
      )}
    </div>
  );
}
