import { METHODS_FIGURE_TOPICS, methodsTopicText } from '@iop/metrics/definitions';

/** The figures' definitions: the same entries, in the same words, as the PDF's methods page. */
export function ReportMethods() {
  return (
    <section className="card report-section" aria-labelledby="report-methods">
      <h2 id="report-methods">Methods</h2>
      <dl className="report-methods" data-testid="report-methods">
        {METHODS_FIGURE_TOPICS.map((topic) => (
          <div key={topic.term}>
            <dt>{topic.term}</dt>
            <dd>{methodsTopicText(topic.figures)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
