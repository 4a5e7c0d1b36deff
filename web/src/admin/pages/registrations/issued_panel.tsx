// The logins an approval issued, shown once (they live only in the page's state): each
// guardian's name, login and initial password, with 「登録案内状を印刷」. The letter carries
// FRESH initial passwords (printing it makes the earlier ones stop working), so once it is
// made the passwords on screen are replaced by 「登録案内状に記載」 and the panel says so.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAction, Outcome } from '../../../shared/action';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { ApprovedRegistration } from '../../../shared/types';
import { Button, Notice } from '../../../shared/ui/feedback';
import { Table } from '../../../shared/ui/table';
import { letterFile, LetterLink, useLetter } from '../../invitation';
import { Link } from '../../router';

export function IssuedPanel({ approved, onDone }: { approved: ApprovedRegistration; onDone: () => void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const { family, logins } = approved;
  const action = useAction();
  const letter = useLetter();
  const [replaced, setReplaced] = useState(false);
  const name = (guardian_id: string) => family.guardians.find((g) => g.id === guardian_id)?.name ?? '';
  const print = () =>
    action.run(async () => {
      await letter.make(() => api.invitationPdf(family.id), letterFile(family.name));
      setReplaced(true);
    });
  return (
    <section class="card credentials" aria-labelledby="issued-title" tabIndex={-1} ref={ref}>
      <h2 id="issued-title">{t('admin_reg.issued_title', { family: family.name })}</h2>
      {!replaced && <p class="warning" role="alert">{t('admin_reg.issued_warning')}</p>}
      <Table label={t('admin_reg.issued_table')} rows={logins} rowKey={(l) => l.guardian_id} columns={[
        { header: t('admin_reg.guardian'), rowHeader: true, cell: (l) => name(l.guardian_id) },
        { header: t('credentials.login'), cell: (l) => <code class="login">{l.login}</code> },
        {
          header: t('credentials.password'),
          cell: (l) => (replaced ? t('admin_reg.in_letter') : <code class="initial-password">{l.initial_password}</code>),
        },
      ]} />
      {replaced ? <Notice>{t('admin_reg.letter_replaced')}</Notice> : <p class="hint">{t('admin_reg.print_hint')}</p>}
      <Outcome of={{ notice: '', error: action.error }} />
      <LetterLink letter={letter} />
      <div class="actions">
        <Button busy={action.busy !== null} onClick={() => void print()}>{t('admin_letter.print')}</Button>
        <Link to={`/families/${encodeURIComponent(family.id)}`} class="btn btn--secondary">{t('admin_reg.open_family')}</Link>
        <Button variant="secondary" onClick={onDone}>{t('admin_reg.done')}</Button>
      </div>
    </section>
  );
}
