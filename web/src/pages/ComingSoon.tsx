interface ComingSoonProps {
  /** What the page will show, so a reader knows what to expect and the team what is missing. */
  planned: string[];
  /** The GraphQL query the page waits for. */
  query: string;
}

/** A page whose API query does not exist yet: says so plainly instead of drawing an empty chart. */
export function ComingSoon({ planned, query }: ComingSoonProps) {
  return (
    <section aria-labelledby="page-heading" className="page">
      <div className="coming-soon" role="status">
        <p>
          <strong>Coming soon.</strong> The figures on this page are not served by the API yet (waiting for the{' '}
          <code>{query}</code> query).
        </p>
        <p>This page will show:</p>
        <ul>
          {planned.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
