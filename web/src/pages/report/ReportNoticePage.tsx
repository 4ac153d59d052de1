/** A funder's page until the funder report is built: where their figures will be, and what they will show. */
export default function ReportNoticePage() {
  return (
    <section className="card report-notice" data-testid="report-notice">
      <p>
        <strong>Your outcome report is available on this Report page.</strong> It brings together the program's
        retention, attendance and sobriety outcomes for the period you fund.
      </p>
      <p>
        Counts from 1 to 10 are suppressed in the report, so that no participant can be recognised from small numbers.
        The detailed clinical pages are for the program's clinical and quality staff.
      </p>
    </section>
  );
}
