// 名前で受付 in the unlocked staff menu: a child who forgot the card is found by name or
// furigana (GET /kiosk/children, at most 20) and stamped with a tap (onPick). Each child
// shows name, furigana, grade and 在館中 when present, so staff see which way it goes.
// The list follows the typing (a short pause) and the 探す button; an older answer
// arriving late never replaces a newer one. A locked kiosk (kiosk_locked) calls onLocked.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, type Api } from '../shared/api';
import { gradeLabel, reasonText, t } from '../shared/i18n';
import type { KioskChild } from '../shared/types';

const kPauseMs = 300;

export interface NameSearchProps {
  api: Api;
  onPick: (child: KioskChild) => void;
  onLocked: (message: string) => void;
}

export function NameSearch({ api, onPick, onLocked }: NameSearchProps) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<KioskChild[] | null>(null);
  const [error, setError] = useState('');
  const asked = useRef(0);
  const id = useId();

  const search = async (text: string) => {
    const n = ++asked.current;
    if (!text) return setFound(null);
    try {
      const children = await api.kioskChildren(text);
      if (n === asked.current) {
        setFound(children);
        setError('');
      }
    } catch (err) {
      if (n !== asked.current) return;
      if (err instanceof ApiError && err.reason === 'kiosk_locked') return onLocked(reasonText(err.reason));
      setError(err instanceof ApiError ? reasonText(err.reason, {}, err.message) : t('error.network'));
    }
  };

  useEffect(() => {
    const timer = setTimeout(() => void search(q.trim()), kPauseMs);
    return () => clearTimeout(timer);
  }, [q]);

  return (
    <section class="name-search" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('kiosk.name_stamp_title')}</h3>
      <p class="hint">{t('kiosk.name_stamp_hint')}</p>
      <form role="search" class="name-search-form" onSubmit={(e) => {
        e.preventDefault();
        void search(q.trim());
      }}>
        <label for={id}>{t('kiosk.name_search_label')}</label>
        <input id={id} type="search" autoComplete="off" maxLength={50} value={q}
          onInput={(e) => setQ(e.currentTarget.value)} />
        <button type="submit" class="btn btn--secondary">{t('kiosk.name_search_submit')}</button>
      </form>
      {error && <p class="field-error" role="alert">{error}</p>}
      {found?.length === 0 && <p role="status">{t('kiosk.name_search_none')}</p>}
      {found && found.length > 0 && (
        <ul class="child-picks">
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" class="child-pick" onClick={() => onPick(c)}>
                <span class="pick-name">{c.name}</span>
                {c.name_kana && <span class="pick-kana">{c.name_kana}</span>}
                <span class="pick-grade">{gradeLabel(c.grade)}</span>
                {c.present && <span class="pick-present">{t('kiosk.name_search_present')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
