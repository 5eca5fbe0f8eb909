import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { isApiError, type ApiError } from '../../api/http';
import { store, useApp } from '../../app/store';
import { useT } from '../../i18n';
import { Button, Notice, TextField } from '../../ui';
import { AccountFields, AuthCard, emptyAccount } from './AccountFields';

export default function SetupScreen() {
  const t = useT();
  const language = useApp((s) => s.language);
  const [token, setToken] = useState('');
  const [account, setAccount] = useState(() => emptyAccount(language));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.identity.setUp(token.trim(), account);
      store.signedIn(session.person);
    } catch (err) {
      setError(isApiError(err) ? err : null);
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.setup.title')}>
      <p className="muted">{t('auth.setup.intro')}</p>
      {error && <Notice kind="error">{error.message}</Notice>}
      <form onSubmit={submit} noValidate>
        <TextField label={t('auth.setup.token')} name="setupToken" required autoFocus autoComplete="off"
          value={token} onChange={(e) => setToken(e.target.value)} error={error?.fieldError('setupToken')} />
        <AccountFields value={account} onChange={(a) => { setAccount(a); store.setLanguage(a.language); }} error={error} />
        <Button type="submit" busy={busy}>{t('auth.setup.submit')}</Button>
      </form>
    </AuthCard>
  );
}
