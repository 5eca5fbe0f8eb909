import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { isApiError, type ApiError } from '../../api/http';
import { store, useApp } from '../../app/store';
import { useT } from '../../i18n';
import { Button, Notice, Spinner } from '../../ui';
import { AccountFields, AuthCard, emptyAccount } from './AccountFields';

export default function InvitationScreen({ token }: { token: string }) {
  const t = useT();
  const language = useApp((s) => s.language);
  const [valid, setValid] = useState<boolean | null>(null);
  const [account, setAccount] = useState(() => emptyAccount(language));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    api.identity.invitation(token).then((i) => {
      setValid(true);
      if (i.email) setAccount((a) => ({ ...a, email: a.email || i.email! }));
    }).catch(() => setValid(false));
  }, [token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.identity.acceptInvitation(token, account);
      store.signedIn(session.person);
    } catch (err) {
      setError(isApiError(err) ? err : null);
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.invite.title')}>
      {valid === null && <Spinner label={t('app.loading')} />}
      {valid === false && <Notice kind="error">{t('auth.invite.invalid')}</Notice>}
      {valid && (
        <>
          <p className="muted">{t('auth.invite.intro')}</p>
          {error && <Notice kind="error">{error.message}</Notice>}
          <form onSubmit={submit} noValidate>
            <AccountFields value={account} onChange={(a) => { setAccount(a); store.setLanguage(a.language); }} error={error} />
            <Button type="submit" busy={busy}>{t('auth.invite.submit')}</Button>
          </form>
        </>
      )}
    </AuthCard>
  );
}
