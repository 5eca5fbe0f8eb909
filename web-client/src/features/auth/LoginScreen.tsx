import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { isApiError, type ApiError } from '../../api/http';
import { navigate } from '../../app/router';
import { store, useApp } from '../../app/store';
import { useT } from '../../i18n';
import { Button, Notice, TextField } from '../../ui';
import { AuthCard } from './AccountFields';

export default function LoginScreen() {
  const t = useT();
  const sessionEnded = useApp((s) => s.sessionEnded);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    // A new installation starts at setup, not at a login nobody can use yet.
    api.identity.setupStatus().then((s) => s.setupRequired && navigate('/setup', { replace: true })).catch(() => undefined);
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.identity.login(username.trim(), password);
      store.signedIn(session.person);
    } catch (err) {
      setError(isApiError(err) ? err : null);
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.login.title')}>
      {sessionEnded && <Notice kind="warning">{t('auth.sessionEnded')}</Notice>}
      {error && (
        <Notice kind="error">{error.status === 401 || error.status === 400 ? t('auth.login.failed') : error.message}</Notice>
      )}
      <form onSubmit={submit} noValidate>
        <TextField label={t('auth.login.username')} name="username" autoComplete="username" required autoFocus
          value={username} onChange={(e) => setUsername(e.target.value)} />
        <TextField label={t('auth.login.password')} name="password" type="password" autoComplete="current-password" required
          value={password} onChange={(e) => setPassword(e.target.value)} />
        <Button type="submit" busy={busy} disabled={!username || !password}>{t('auth.login.submit')}</Button>
      </form>
    </AuthCard>
  );
}
