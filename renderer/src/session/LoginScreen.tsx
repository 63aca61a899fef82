import { useState, type FormEvent } from 'react';
import { loginRefusal } from './login-refusal.js';
import { useSessionStore } from './session-store.js';
import { useTexts } from '../stores/status-store.js';

/** Shown instead of the dashboard when the till answers 401: a browser on another computer logs in once. */
export function LoginScreen() {
  const t = useTexts().login;
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    useSessionStore
      .getState()
      .login(password)
      .then(() => setError(null))
      .catch((failure: unknown) => setError(loginRefusal(failure, t)));
  };
  return (
    <section aria-labelledby="login-title" className="page login">
      <h2 id="login-title">{t.title}</h2>
      <p>{t.explain}</p>
      <form onSubmit={submit}>
        <label>
          {t.password}
          <input type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
        </label>
        <button type="submit">{t.submit}</button>
        {error && <p role="alert" className="error">{error}</p>}
      </form>
    </section>
  );
}
