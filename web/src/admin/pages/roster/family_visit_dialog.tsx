// 家族で来館, on the roster of a drop-in room: staff find a family (by name or kana), tick
// the children who came (those enrolled at this room only; every one not present yet is
// ticked at first), set how many adults came (1 at first) and record it — one stamp
// POST /stamps {family_id, child_ids, adults, direction "in"}, which the server makes one
// visit (組) of the family. A refusal is said in the dialog by its reason, beside the
// children when it names one. The client_id follows what is sent, so a double submit of
// the same choice records it once.
import { useMemo, useState } from 'preact/hooks';
import { newClientId } from '../../../shared/api';
import { useSubmit } from '../../../shared/form';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import { isFamilyStampResult, type Child, type Facility, type Family, type StampAnswer } from '../../../shared/types';
import { Dialog } from '../../../shared/ui/dialog';
import { Button, ErrorMessage, Loading } from '../../../shared/ui/feedback';
import { CheckboxGroup, RadioGroup } from '../../../shared/ui/fields';
import { Stepper } from '../../../shared/ui/stepper';
import { errorText } from '../../form';
import { FamilySearchForm } from '../../family_search';

const kResults = 20;
const kAdultsDefault = 1;
const kAdultsMax = 20;

/** The children of `family` enrolled at `facility_id`: all of them when the family is. */
export function childrenEnrolledAt(family: Family, facility_id: string): Child[] {
  const here = family.enrollments.filter((e) => e.facility_id === facility_id && e.status === 'active');
  if (here.some((e) => e.family_id === family.id && !e.child_id)) return family.children;
  return family.children.filter((c) => here.some((e) => e.child_id === c.id));
}

/** What staff are told once it is recorded: the family, its children and adults. */
function doneText(family: Family, answer: StampAnswer, adults: number): string {
  const results = isFamilyStampResult(answer) ? answer.results : [answer];
  const arrived = results.filter((r) => r.result === 'arrived').length;
  return t('family_visit.done', {
    family: family.name, children: answer.group?.children ?? arrived, adults: answer.group?.adults ?? adults,
  });
}

export interface FamilyVisitDialogProps {
  facility: Facility;
  /** The children in the facility now (the roster's present ones): not ticked at first. */
  present: ReadonlySet<string>;
  onClose: () => void;
  /** Called with what to say once the visit is recorded. */
  onDone: (said: string) => void;
}

export function FamilyVisitDialog({ facility, present, onClose, onDone }: FamilyVisitDialogProps) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ families: Family[] | null; error: string; busy: boolean }>(
    { families: null, error: '', busy: false });
  const [family_id, setFamilyId] = useState('');
  const [child_ids, setChildIds] = useState<string[]>([]);
  const [adults, setAdults] = useState(kAdultsDefault);
  const family = found.families?.find((f) => f.id === family_id);
  const children = family ? childrenEnrolledAt(family, facility.id) : [];
  const client_id = useMemo(() => newClientId(), [family_id, child_ids.join(','), adults]);
  const form = useSubmit({
    stray: 'each',
    fieldName: (name) => {
      const m = /^child_ids\[(\d+)\]$/.exec(name);
      const child = m ? children.find((c) => c.id === child_ids[Number(m[1])]) : undefined;
      return m ? { name: 'child_ids', about: child?.name } : { name };
    },
  });

  const choose = (id: string, families = found.families) => {
    const chosen = families?.find((f) => f.id === id);
    setFamilyId(id);
    setChildIds(chosen ? childrenEnrolledAt(chosen, facility.id).filter((c) => !present.has(c.id)).map((c) => c.id) : []);
    setAdults(kAdultsDefault);
    form.clear();
  };
  const search = (q: string) => {
    setFound({ families: found.families, error: '', busy: true });
    api.listFamilies({ q, limit: kResults }).then(
      (page) => {
        const families = page.items.filter((f) => childrenEnrolledAt(f, facility.id).length > 0);
        setFound({ families, error: '', busy: false });
        choose(families.length === 1 ? families[0].id : '', families);
      },
      (err) => setFound({ families: null, error: errorText(err), busy: false }),
    );
  };
  const record = (e: Event) => {
    e.preventDefault();
    if (form.busy || !family || child_ids.length === 0) return;
    void form.run(async () => {
      const answer = await api.stamp({
        facility_id: facility.id, client_id, family_id: family.id,
        child_ids: children.filter((c) => child_ids.includes(c.id)).map((c) => c.id), adults, direction: 'in',
      });
      onDone(doneText(family, answer, adults));
    });
  };

  return (
    <Dialog title={t('family_visit.title', { facility: facility.name })} onClose={onClose} closeLabel={t('common.close')}>
      <p class="hint">{t('family_visit.intro')}</p>
      <FamilySearchForm value={text} onValue={setText} onSearch={search} busy={found.busy} />
      <ErrorMessage>{found.error}</ErrorMessage>
      {found.busy && <Loading label={t('common.loading')} />}
      {found.families?.length === 0 && <p role="status">{t('family_visit.none_found')}</p>}
      {found.families && found.families.length > 0 && (
        <RadioGroup legend={t('family_visit.pick_family')} name="family_id" value={family_id} onValue={(id) => choose(id)}
          options={found.families.map((f) => ({
            value: f.id,
            label: t('family_visit.family_label', {
              family: f.name, children: childrenEnrolledAt(f, facility.id).map((c) => c.name).join('、'),
            }),
          }))} />
      )}
      {family && (
        <form ref={form.form_ref} onSubmit={record} noValidate>
          <ErrorMessage>{form.errors.message}</ErrorMessage>
          <CheckboxGroup legend={t('family_visit.pick_children', { family: family.name })} name="child_ids"
            selected={child_ids} onSelected={setChildIds} error={form.field('child_ids')}
            options={children.map((c) => ({
              value: c.id, label: present.has(c.id) ? t('family_visit.child_present', { name: c.name }) : c.name,
            }))} />
          <Stepper label={t('family_visit.adults')} name="adults" value={adults} min={0} max={kAdultsMax}
            onValue={setAdults} error={form.field('adults')}
            decreaseLabel={t('family_visit.adults_decrease')} increaseLabel={t('family_visit.adults_increase')}
            valueText={(n) => t('family_visit.adults_value', { n })} />
          <div class="actions">
            <Button type="submit" busy={form.busy} disabled={child_ids.length === 0}>{t('family_visit.submit')}</Button>
            <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
