import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { isApiError, type ApiError } from '../../api/http';
import type { SpaceKind } from '../../api/types';
import { Link, navigate } from '../../app/router';
import { store } from '../../app/store';
import { useT } from '../../i18n';
import { Button, Notice, TextArea, TextField } from '../../ui';

const KINDS: SpaceKind[] = ['open', 'closed', 'announcement'];

export default function CreateSpace() {
  const t = useT();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<SpaceKind>('open');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const space = await api.spaces.create(name.trim(), description.trim(), kind);
      store.putSpace(space);
      const channel = await api.chat.channel(space.id);
      store.putConversation(channel);
      navigate(`/c/${channel.id}`);
    } catch (err) {
      setError(isApiError(err) ? err : null);
      setBusy(false);
    }
  };

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <Link to="/" className="icon-btn back-btn" aria-label={t('app.back')}><span aria-hidden="true">‹</span></Link>
        <h1>{t('spaces.create.title')}</h1>
      </div>
      {error && <Notice kind="error">{error.message}</Notice>}
      <form onSubmit={submit}>
        <TextField label={t('spaces.create.name')} name="name" required minLength={2} maxLength={80} autoFocus
          value={name} onChange={(e) => setName(e.target.value)} error={error?.fieldError('name')} />
        <TextArea label={t('spaces.create.description')} name="description" maxLength={2000} rows={3}
          value={description} onChange={(e) => setDescription(e.target.value)} error={error?.fieldError('description')} />
        <fieldset className="field" style={{ border: 'none', padding: 0 }}>
          <legend className="label" style={{ fontWeight: 600, marginBottom: 4 }}>{t('spaces.create.kind')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="checkbox" style={{ alignItems: 'flex-start', marginBottom: 6 }}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span><strong>{t(`spaces.kind.${k}`)}</strong><br /><span className="small muted">{t(`spaces.kind.${k}.hint`)}</span></span>
            </label>
          ))}
        </fieldset>
        <Button type="submit" busy={busy} disabled={name.trim().length < 2}>{t('spaces.create.submit')}</Button>
      </form>
    </div>
  );
}
