import { Link } from '../routing/Link';

export function NotFoundPage({ homePath }: { homePath: string }) {
  return (
    <section>
      <p>
        This address is not a page of the dashboard. <Link href={homePath}>Go to your start page</Link>.
      </p>
    </section>
  );
}
