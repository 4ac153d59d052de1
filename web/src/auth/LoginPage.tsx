import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { signIn } from './auth-client';
import type { SignedInUser } from './roles';

/**
 * Sign-in form. It replaces the page in place, at the same URL, so that a shared link opens its
 * view once the reader has signed in.
 */
export function LoginPage({ onSignedIn }: { onSignedIn: (user: SignedInUser) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { username: useId(), password: useId(), problem: useId() };
  const usernameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in · IOP Outcomes';
    usernameRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setProblem('Enter your user name and password.');
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await signIn(username.trim(), password);
    setBusy(false);
    if (result.ok) onSignedIn(result.user);
    else {
      setProblem(result.message);
      setPassword('');
    }
  };

  return (
    <main id="main" className="login">
      <h1>Sign in</h1>
      <p className="login__intro">Sign in to see your program's outcomes and engagement figures.</p>
      <form
        className="login__form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-describedby={problem ? ids.problem : undefined}
      >
        <div className="login__field">
          <label htmlFor={ids.username}>User name</label>
          <input
            id={ids.username}
            ref={usernameRef}
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={problem !== null}
          />
        </div>
        <div className="login__field">
          <label htmlFor={ids.password}>Password</label>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={problem !== null}
          />
        </div>
        {problem && (
          <p id={ids.problem} className="login__problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
