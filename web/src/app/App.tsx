import { LoginPage } from '../auth/LoginPage';
import { useSession } from '../auth/useSession';
import { DashboardShell } from './DashboardShell';

/** Sign-in first: nothing of the dashboard (not even a query) runs until the session is known. */
export function App() {
  const { session, error, signedIn, signOut } = useSession();
  if (error)
    return (
      <main id="main" className="login">
        <p role="alert">{error.message} Reload the page to try again.</p>
      </main>
    );
  if (!session)
    return (
      <main id="main" className="login" aria-busy="true">
        <p>Checking your sign-in…</p>
      </main>
    );
  if (session.status === 'signed-out') return <LoginPage onSignedIn={signedIn} />;
  return (
    <DashboardShell user={session.status === 'signed-in' ? session.user : null} onSignOut={() => void signOut()} />
  );
}
