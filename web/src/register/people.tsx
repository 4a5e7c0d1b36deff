// The form's lists of people: guardians (1..10: name, furigana, relation, e-mail, phone)
// and children (1..20: name, furigana, birth date), each person a fieldset with its own
// remove button, and an add button after the list. Adding moves the focus to the new
// person's name, removing to the add button. Field names are the API's
// ("children[1].birth_date"), so a server error shows next to its input.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../shared/i18n';
import { Button } from '../shared/ui/feedback';
import { kMaxChildren, kMaxGuardians, newChild, newGuardian, type ChildDraft, type GuardianDraft } from './draft';
import { RegField } from './field';

type ErrorOf = (name: string) => string | undefined;

interface RepeatedProps<T extends { key: number }> {
  title: string;
  hint: string;
  /** The API's name of the list ("guardians"). */
  list: string;
  items: T[];
  max: number;
  make: () => T;
  onChange: (items: T[]) => void;
  legend: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  render: (item: T, prefix: string, set: (patch: Partial<T>) => void) => ComponentChildren;
}

/** After the next render, focuses what `find` finds. */
function focusLater(find: () => HTMLElement | null | undefined) {
  requestAnimationFrame(() => find()?.focus());
}

function Repeated<T extends { key: number }>(props: RepeatedProps<T>) {
  const id = useId();
  const { items, onChange } = props;
  const add = () => {
    onChange([...items, props.make()]);
    focusLater(() => document.querySelector<HTMLElement>(`[name="${props.list}[${items.length}].name"]`));
  };
  const remove = (index: number) => {
    onChange(items.filter((_, i) => i !== index));
    focusLater(() => document.getElementById(`${id}-add`)?.querySelector('button'));
  };
  return (
    <section class="reg-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <p class="hint reg-section-hint">{props.hint}</p>
      {items.map((item, index) => {
        const set = (patch: Partial<T>) => onChange(items.map((it, i) => (i === index ? { ...it, ...patch } : it)));
        return (
          <fieldset key={item.key} class="reg-person">
            <legend>{props.legend(index + 1)}</legend>
            {props.render(item, `${props.list}[${index}].`, set)}
            {items.length > 1 && (
              <div class="reg-remove">
                <Button variant="danger" onClick={() => remove(index)}>{props.removeLabel(index + 1)}</Button>
              </div>
            )}
          </fieldset>
        );
      })}
      <div id={`${id}-add`} class="reg-add">
        {items.length < props.max
          ? <Button variant="secondary" onClick={add}>{props.addLabel}</Button>
          : <p class="hint">{t('register.list_full', { max: props.max })}</p>}
      </div>
    </section>
  );
}

export function GuardianList({ items, onChange, error }: { items: GuardianDraft[]; onChange: (items: GuardianDraft[]) => void; error: ErrorOf }) {
  return (
    <Repeated
      title={t('register.guardians')} hint={t('register.guardians_hint', { max: kMaxGuardians })} list="guardians"
      items={items} max={kMaxGuardians} make={newGuardian} onChange={onChange}
      legend={(n) => t('register.guardian_n', { n })} addLabel={t('register.guardian_add')}
      removeLabel={(n) => t('register.guardian_remove', { n })}
      render={(g, prefix, set) => (
        <>
          <RegField label={t('register.person_name')} name={`${prefix}name`} value={g.name} required maxLength={100}
            autoComplete={prefix === 'guardians[0].' ? 'name' : 'off'} onValue={(name) => set({ name })} error={error(`${prefix}name`)} />
          <RegField label={t('register.person_kana')} name={`${prefix}name_kana`} value={g.name_kana} lang="ja" maxLength={100}
            hint={t('register.kana_hint')} onValue={(name_kana) => set({ name_kana })} error={error(`${prefix}name_kana`)} />
          <RegField label={t('register.relation')} name={`${prefix}relation`} value={g.relation} maxLength={50}
            hint={t('register.relation_hint')} onValue={(relation) => set({ relation })} error={error(`${prefix}relation`)} />
          <RegField label={t('register.email')} name={`${prefix}email`} type="email" inputMode="email" value={g.email}
            autoComplete={prefix === 'guardians[0].' ? 'email' : 'off'} onValue={(email) => set({ email })} error={error(`${prefix}email`)} />
          <RegField label={t('register.phone')} name={`${prefix}phone`} type="tel" inputMode="tel" value={g.phone} maxLength={20}
            autoComplete={prefix === 'guardians[0].' ? 'tel' : 'off'} hint={t('register.guardian_phone_hint')}
            onValue={(phone) => set({ phone })} error={error(`${prefix}phone`)} />
        </>
      )}
    />
  );
}

export function ChildList({ items, onChange, error }: { items: ChildDraft[]; onChange: (items: ChildDraft[]) => void; error: ErrorOf }) {
  return (
    <Repeated
      title={t('register.children')} hint={t('register.children_hint', { max: kMaxChildren })} list="children"
      items={items} max={kMaxChildren} make={newChild} onChange={onChange}
      legend={(n) => t('register.child_n', { n })} addLabel={t('register.child_add')}
      removeLabel={(n) => t('register.child_remove', { n })}
      render={(c, prefix, set) => (
        <>
          <RegField label={t('register.person_name')} name={`${prefix}name`} value={c.name} required maxLength={100}
            onValue={(name) => set({ name })} error={error(`${prefix}name`)} />
          <RegField label={t('register.person_kana')} name={`${prefix}name_kana`} value={c.name_kana} lang="ja" maxLength={100}
            hint={t('register.kana_hint')} onValue={(name_kana) => set({ name_kana })} error={error(`${prefix}name_kana`)} />
          <RegField label={t('register.birth_date')} name={`${prefix}birth_date`} type="date" value={c.birth_date} required
            onValue={(birth_date) => set({ birth_date })} error={error(`${prefix}birth_date`)} />
        </>
      )}
    />
  );
}
