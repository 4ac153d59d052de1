import { DataStatusPage } from '../data/DataStatusPage';

export function App() {
  return (
    <>
      <header className="app-header">
        <h1>IOP Outcomes</h1>
        <p>Retention, attendance, accountability, sobriety and feedback by group type</p>
      </header>
      <main>
        <DataStatusPage />
      </main>
    </>
  );
}
