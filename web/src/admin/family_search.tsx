// The search of families by name or kana (検索（氏名・ふりがな）): the field and its button,
// as the family list and the course's hand-added applicants use it. The caller keeps the
// text and decides what a search does (the list goes to its URL, a dialog fetches in place).
import { useId } from 'preact/hooks';
import { t } from '../shared/i18n';
import { Button } from '../shared/ui/feedback';

export function FamilySearchForm({ value, onValue, onSearch, busy }: {
  value: string;
  onValue: (value: string) => void;
  /** Called with the trimmed text on submit. */
  onSearch: (q: string) => void;
  busy?: boolean;
}) {
  const id = useId();
  const submit = (e: Event) => {
    e.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form role="search" class="row row--end" onSubmit={submit}>
      <div class="field">
        <label for={id}>{t('family.search')}</label>
        <input id={id} type="search" name="q" value={value} onInput={(e) => onValue(e.currentTarget.value)} />
      </div>
      <div class="field"><Button type="submit" busy={busy}>{t('family.search_submit')}</Button></div>
    </form>
  );
}
