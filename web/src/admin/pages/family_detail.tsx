// A family: its details, guardians, children (with going home alone and the care texts,
// shown on demand), the window letter (登録案内状), cards and enrollments, each editable in place,
// and staff's consultation records (相談記録, shown on demand).
// Logins issued here (an invited guardian, a reset password) are shown once on top.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { CredentialsPanel, type IssuedLogin } from '../credentials_panel';
import { useLoad } from '../data';
import { LetterSection } from '../invitation';
import { PageHead } from '../layout';
import { Link } from '../router';
import { api } from '../../shared/session';
import { LoadStatus } from '../status';
import { CardsSection } from './family/cards_section';
import { CareSection } from './family/care_section';
import { ChildrenSection } from './family/children_section';
import { ConsultationsSection } from './family/consultations_section';
import { EnrollmentsSection } from './family/enrollments_section';
import { FamilyInfo } from './family/family_info';
import { GuardiansSection } from './family/guardians_section';

export function FamilyDetail({ id }: { id: string }) {
  const family = useLoad(() => api.getFamily(id), [id]);
  const [issued, setIssued] = useState<IssuedLogin[] | null>(null);
  const f = family.data;
  return (
    <>
      <PageHead title={f ? t('family.detail_title', { name: f.name }) : t('family.edit_title')}>
        <Link to="/families" class="btn btn--secondary">{t('common.back')}</Link>
      </PageHead>
      <LoadStatus loaded={family} />
      {f && issued && <CredentialsPanel family={f.name} logins={issued} onDone={() => setIssued(null)} />}
      {f && (
        <>
          <FamilyInfo family={f} onSaved={family.set} />
          <GuardiansSection family={f} onChanged={family.reload} onIssued={setIssued} />
          <LetterSection family={f} />
          <ChildrenSection family={f} onChanged={family.reload} />
          <CareSection family={f} onChanged={family.reload} />
          <CardsSection family={f} />
          <EnrollmentsSection family={f} onChanged={family.reload} />
          <ConsultationsSection family={f} />
        </>
      )}
    </>
  );
}
