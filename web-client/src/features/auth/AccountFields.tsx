import type { AccountRequest, Language } from '../../api/types';
import type { ApiError } from '../../api/http';
import { browserTimeZone, timeZones } from '../../app/hooks';
import { LANGUAGES, useT } from '../../i18n';
import { SelectField, TextField } from '../../ui';

export function emptyAccount(language: Language): AccountRequest {
  return { username: '', displayName: '', email: '', password: '', language, timeZone: browserTimeZone() };
}

/** The fields a new person fills in, at setup and when accepting an invitation. */
export function AccountFields({ value, onChange, error }: {
  value: AccountRequest; onChange: (v: AccountRequest) => void; error: ApiError | null;
}) {
  const t = useT();
  const zones = timeZones();
  const set = <K extends keyof AccountRequest>(k: K) => (v: AccountRequest[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <TextField label={t('auth.login.username')} name="username" autoComplete="username" required maxLength={32}
        value={value.username} onChange={(e) => set('username')(e.target.value)} error={error?.fieldError('username')} />
      <TextField label={t('auth.field.displayName')} name="displayName" autoComplete="name" required maxLength={100}
        value={value.displayName} onChange={(e) => set('displayName')(e.target.value)} error={error?.fieldError('displayName')} />
      <TextField label={t('auth.field.email')} name="email" type="email" autoComplete="email" required
        value={value.email} onChange={(e) => set('email')(e.target.value)} error={error?.fieldError('email')} />
      <TextField label={t('auth.login.password')} name="password" type="password" autoComplete="new-password" required
        hint={t('auth.field.passwordHint')} value={value.password} onChange={(e) => set('password')(e.target.value)}
        error={error?.fieldError('password')} />
      <SelectField label={t('auth.field.language')} name="language" value={value.language}
        onChange={(e) => set('language')(e.target.value as Language)}>
        {LANGUAGES.map((l) => <option key={l} value={l}>{t(`lang.${l}`)}</option>)}
      </SelectField>
      {zones.length ? (
        <SelectField label={t('auth.field.timeZone')} name="timeZone" value={value.timeZone}
          onChange={(e) => set('timeZone')(e.target.value)} error={error?.fieldError('timeZone')}>
          {zones.map((z) => <option key={z} value={z}>{z}</option>)}
        </SelectField>
      ) : (
        <TextField label={t('auth.field.timeZone')} name="timeZone" value={value.timeZone}
          onChange={(e) => set('timeZone')(e.target.value)} error={error?.fieldError('timeZone')} />
      )}
    </>
  );
}

export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  const t = useT();
  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <div className="brand" aria-hidden="true">{t('app.name')}</div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
