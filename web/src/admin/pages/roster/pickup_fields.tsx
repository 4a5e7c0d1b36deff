// The pick-up part of the roster's 修正 dialog, for a visit that has departed: radio
// buttons for the family's guardians (loaded from the child's family), ひとりで帰る (when
// the guardians allow it, or when it is what the visit records now) and その他 with a
// name field. It starts on what the visit records (a name no guardian has is その他 with
// that name) and reports every change as the PickupInput it means.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { PickupInput, RosterItem } from '../../../shared/types';
import { RadioGroup, TextField } from '../../../shared/ui/fields';
import { useLoad } from '../../data';
import { api } from '../../../shared/session';
import { LoadStatus } from '../../status';
import { guardianChoice, kMaxPickupName } from './pickup_choice';

/** The pick-up chosen: null when nothing is (or その他 without a name: `missing_name`). */
export interface PickupPick {
  input: PickupInput | null;
  missing_name: boolean;
}

interface Props {
  item: RosterItem;
  onPick: (pick: PickupPick) => void;
  /** The error of the その他 name (the server's field pickup_by, or a missing name). */
  error?: string;
}

const kAlone = 'alone';
const kOther = 'other';
const byValue = (name: string) => `by:${name}`;

function Choices({ item, guardians, onPick, error }: Props & { guardians: string[] }) {
  const [choice, setChoice] = useState(() => {
    if (item.left_alone) return kAlone;
    if (!item.pickup_by) return '';
    return guardians.includes(item.pickup_by) ? byValue(item.pickup_by) : kOther;
  });
  const [other, setOther] = useState(item.pickup_by && !guardians.includes(item.pickup_by) ? item.pickup_by : '');
  useEffect(() => {
    if (choice === kAlone) onPick({ input: { alone: true }, missing_name: false });
    else if (choice === kOther) onPick({ input: other.trim() ? { pickup_by: other.trim() } : null, missing_name: !other.trim() });
    else onPick({ input: choice ? { pickup_by: choice.slice(byValue('').length) } : null, missing_name: false });
  }, [choice, other]);

  const options = [
    ...guardians.map((g) => ({ value: byValue(g), label: g })),
    ...(item.child.may_leave_alone || item.left_alone ? [{ value: kAlone, label: t('admin_pickup.alone') }] : []),
    { value: kOther, label: t('admin_pickup.other') },
  ];
  return (
    <>
      <RadioGroup legend={t('admin_pickup.fix_legend')} name="pickup_choice" options={options} value={choice} onValue={setChoice} />
      {choice === kOther && (
        <TextField label={t('admin_pickup.other_name')} name="pickup_by" value={other} required maxLength={kMaxPickupName}
          onValue={setOther} error={error} />
      )}
      <p class="hint">{t('admin_pickup.fix_hint')}</p>
    </>
  );
}

export function PickupFields(props: Props) {
  const guardians = useLoad(async () => {
    const child = await api.getChild(props.item.child.id);
    return (await api.getFamily(child.family_id)).guardians.map(guardianChoice);
  }, [props.item.child.id]);
  if (!guardians.data) return <LoadStatus loaded={guardians} />;
  return <Choices {...props} guardians={guardians.data} />;
}
