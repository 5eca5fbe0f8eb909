import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { isApiError, type ApiError } from '../../api/http';
import type { InvitationInfo, Language, SessionInfo } from '../../api/types';
import { timeZones, useFormats } from '../../app/hooks';
import { Link, navigate } from '../../app/router';
import { store, useApp } from '../../app/store';
import { LANGUAGES, useT } from '../../i18n';
import { Button, ConfirmDialog, Notice, SelectField, TextField } from '../../ui';

/** A short browser name from a user agent, for the sessions list. */
export function describeAgent(ua: string | null | undefined): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows'
    : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  return [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 60);
}

function Details() {
  const t = useT();
  const me = useApp((s) => s.me)!;
  const [displayName, setDisplayName] = useState(me.displayName);
  const [email, setEmail] = useState(me.email);
  const [language, setLanguage] = useState<Language>(me.language);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const zones = timeZones();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      const updated = await api.identity.updateProfile({ displayName: displayName.trim(), email: email.trim(), language, timeZone });
      store.updateMe(updated);
      setSaved(true);
    } catch (err) {
      setError(isApiError(err) ? err : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="details">
      <h2 id="details">{t('profile.details')}</h2>
      {saved && <Notice kind="success">{t('app.saved')}</Notice>}
      {error && <Notice kind="error">{error.message}</Notice>}
      <form onSubmit={submit} className="card">
        <p className="small muted">@{me.username}</p>
        <TextField label={t('auth.field.displayName')} value={displayName} maxLength={100} required
          onChange={(e) => setDisplayName(e.target.value)} error={error?.fieldError('displayName')} />
        <TextField label={t('auth.field.email')} type="email" value={email} required
          onChange={(e) => setEmail(e.target.value)} error={error?.fieldError('email')} />
        <SelectField label={t('auth.field.language')} name="language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => <option key={l} value={l}>{t(`lang.${l}`)}</option>)}
        </SelectField>
        {zones.length ? (
          <SelectField label={t('auth.field.timeZone')} name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}
            error={error?.fieldError('timeZone')}>
            {!zones.includes(timeZone) && <option value={timeZone}>{timeZone}</option>}
            {zones.map((z) => <option key={z} value={z}>{z}</option>)}
          </SelectField>
        ) : (
          <TextField label={t('auth.field.timeZone')} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}
            error={error?.fieldError('timeZone')} />
        )}
        <Button type="submit" busy={busy}>{t('app.save')}</Button>
      </form>
    </section>
  );
}

function Password() {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.identity.changePassword(current, next);
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      setError(isApiError(err) ? err : null);
    }
  };
  return (
    <section className="section" aria-labelledby="password">
      <h2 id="password">{t('profile.password')}</h2>
      {done && <Notice kind="success">{t('profile.passwordChanged')}</Notice>}
      {error && <Notice kind="error">{error.message}</Notice>}
      <form onSubmit={submit} className="card">
        <TextField label={t('profile.currentPassword')} type="password" autoComplete="current-password" value={current}
          onChange={(e) => setCurrent(e.target.value)} error={error?.fieldError('currentPassword')} />
        <TextField label={t('profile.newPassword')} type="password" autoComplete="new-password" value={next} hint={t('auth.field.passwordHint')}
          onChange={(e) => setNext(e.target.value)} error={error?.fieldError('newPassword')} />
        <Button type="submit" variant="secondary" disabled={!current || !next}>{t('profile.changePassword')}</Button>
      </form>
    </section>
  );
}

function Sessions() {
  const t = useT();
  const fmt = useFormats();
  const [sessions, setSessions] = useState<SessionInfo[]>([]);
  const [ending, setEnding] = useState<SessionInfo | null>(null);
  const load = () => api.identity.sessions().then(setSessions).catch(() => undefined);
  useEffect(() => {
    load();
  }, []);
  const end = async () => {
    const s = ending;
    setEnding(null);
    if (!s) return;
    await api.identity.endSession(s.id);
    if (s.current) {
      store.signedOut(false);
      navigate('/login');
    } else load();
  };
  return (
    <section className="section" aria-labelledby="sessions">
      <h2 id="sessions">{t('profile.sessions')}</h2>
      <ul className="list-plain">
        {sessions.map((s) => (
          <li key={s.id} className="card row" data-session-id={s.id}>
            <div className="grow">
              <strong>{describeAgent(s.userAgent) ?? t('profile.sessionUnknownAgent')}</strong>
              {s.current && <span className="chip" style={{ marginLeft: 8, paddingRight: 10 }}>{t('profile.sessionThis')}</span>}
              <div className="small muted">
                {t('profile.sessionCreated', { date: fmt.dateTime(s.createdAt) })}
                {s.lastSeenAt && ` · ${t('profile.sessionLastSeen', { date: fmt.dateTime(s.lastSeenAt) })}`}
              </div>
            </div>
            <Button small variant="secondary" onClick={() => setEnding(s)}>{t('profile.endSession')}</Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog open={ending !== null} title={t('profile.endSession')} message={t('profile.endSessionConfirm')}
        confirmLabel={t('profile.endSession')} cancelLabel={t('app.cancel')} danger onCancel={() => setEnding(null)} onConfirm={end} />
    </section>
  );
}

function Invite() {
  const t = useT();
  const [invitation, setInvitation] = useState<InvitationInfo | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setError(null);
    setCopied(false);
    try {
      setInvitation(await api.identity.invite());
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    }
  };
  const url = invitation?.url ?? (invitation?.token ? `${location.origin}/invite/${invitation.token}` : '');
  return (
    <section className="section" aria-labelledby="invite">
      <h2 id="invite">{t('profile.invite')}</h2>
      <div className="card">
        <p className="small muted">{t('profile.inviteIntro')}</p>
        {error && <Notice kind="error">{error}</Notice>}
        {url && (
          <>
            <p>{t('profile.inviteCreated')}</p>
            <div className="row" style={{ marginBottom: 10 }}>
              <input className="input grow" readOnly value={url} aria-label={t('profile.inviteCreated')} data-testid="invite-url"
                onFocus={(e) => e.target.select()} />
              <Button small variant="secondary" onClick={() => navigator.clipboard.writeText(url).then(() => setCopied(true))}>
                {copied ? t('profile.copied') : t('profile.copy')}
              </Button>
            </div>
          </>
        )}
        <Button variant="secondary" onClick={create}>{t('profile.inviteCreate')}</Button>
      </div>
    </section>
  );
}

export default function ProfileScreen() {
  const t = useT();
  const admin = useApp((s) => s.me?.administrator);
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <Link to="/" className="icon-btn back-btn" aria-label={t('app.back')}><span aria-hidden="true">‹</span></Link>
        <h1>{t('profile.title')}</h1>
        <Button variant="secondary" small onClick={() => store.logout().then(() => navigate('/login'))}>{t('nav.logout')}</Button>
      </div>
      <Details />
      <Sessions />
      <Password />
      {admin && <Invite />}
    </div>
  );
}
