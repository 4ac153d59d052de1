import { Link } from '../routing/Link';

export function NotFoundPage() {
  return (
    <section>
      <p>
        This address is not a page of the dashboard. <Link href="/">Go to the overview</Link>.
      </p>
    </section>
  );
}
