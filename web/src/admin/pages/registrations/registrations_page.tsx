// 事前登録: the registrations sent through the public form, for org_admin and the staff of
// drop-in rooms. Four lists, the one shown kept in the URL (?view=): 承認待ち (oldest first,
// each with 承認, 既存の世帯に統合 and 却下), 承認済み, 却下 (with the reason), and ルーム登録の
// 承認 (families asking in the app to use a room). Approving shows the logins issued once,
// on top, with 「登録案内状を印刷」.
import { useState } from 'preact/hooks';
import { useAction } from '../../../shared/action';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { ApprovedRegistration, Registration, RegistrationStatus } from '../../../shared/types';
import { ConfirmDialog } from '../../../shared/ui/confirm_dialog';
import { ErrorMessage, Notice } from '../../../shared/ui/feedback';
import { usePaged } from '../../data';
import { PageHead } from '../../layout';
import { Link, useLocation } from '../../router';
import { LoadStatus, MoreButton } from '../../status';
import { IssuedPanel } from './issued_panel';
import { MergeDialog, RejectDialog } from './registration_dialogs';
import { RegistrationItem } from './registration_item';
import { RoomRequests } from './room_requests';

type View = RegistrationStatus | 'rooms';
const kViews: readonly View[] = ['pending', 'approved', 'rejected', 'rooms'];
const kPageSize = 20;

function viewOf(param: string | null): View {
  return kViews.find((v) => v === param) ?? 'pending';
}

export function RegistrationsPage() {
  const { params } = useLocation();
  const view = viewOf(params.get('view'));
  const [issued, setIssued] = useState<ApprovedRegistration | null>(null);
  const [notice, setNotice] = useState('');
  return (
    <>
      <PageHead title={t('admin_reg.title')} />
      <p class="hint">{t('admin_reg.intro')}</p>
      <ul class="view-tabs no-print" aria-label={t('admin_reg.views')}>
        {kViews.map((v) => (
          <li key={v}>
            <Link to={v === 'pending' ? '/registrations' : `/registrations?view=${v}`} current={v === view}>
              {t(`admin_reg.view.${v}`)}
            </Link>
          </li>
        ))}
      </ul>
      {issued && <IssuedPanel key={issued.family.id} approved={issued} onDone={() => setIssued(null)} />}
      <Notice>{notice}</Notice>
      {view === 'rooms' ? (
        <RoomRequests />
      ) : (
        <RegistrationList key={view} status={view}
          onApproved={(approved, said) => {
            setIssued(approved);
            setNotice(said);
          }}
          onSaid={setNotice} />
      )}
    </>
  );
}

type Asking =
  | { kind: 'approve'; r: Registration }
  | { kind: 'merge'; r: Registration }
  | { kind: 'reject'; r: Registration };

function RegistrationList({ status, onApproved, onSaid }: {
  status: RegistrationStatus;
  onApproved: (approved: ApprovedRegistration, said: string) => void;
  onSaid: (said: string) => void;
}) {
  const list = usePaged((cursor) => api.registrations(status, cursor, kPageSize), [status]);
  const [asking, setAsking] = useState<Asking | null>(null);
  const action = useAction<string>();

  const approved = (answer: ApprovedRegistration, said: string) => {
    setAsking(null);
    onApproved(answer, said);
    list.first.reload();
  };
  const approve = (r: Registration) =>
    action.run(async () => {
      const answer = await api.approveRegistration(r.id);
      approved(answer, t('admin_reg.approved_notice', { family: r.family_name }));
    }, { tag: r.id, about: r.family_name });
  const askApprove = (r: Registration) => {
    onSaid('');
    if (r.possible_duplicates.some((d) => d.family_id)) setAsking({ kind: 'approve', r });
    else void approve(r);
  };
  const duplicates = (r: Registration) =>
    [...new Set(r.possible_duplicates.filter((d) => d.family_id).map((d) => d.family_name))].join('、');

  return (
    <>
      <ErrorMessage>{action.error}</ErrorMessage>
      <LoadStatus loaded={list.first} />
      {list.items && list.items.length === 0 && <p>{t(`admin_reg.none.${status}`)}</p>}
      {list.items && list.items.length > 0 && (
        <div class="registrations" aria-label={t('admin_reg.list_label', { view: t(`admin_reg.view.${status}`) })} role="region">
          {list.items.map((r) => (
            <RegistrationItem key={r.id} r={r} actions={status === 'pending' ? {
              busy: action.busy === r.id,
              approve: () => askApprove(r),
              merge: () => { onSaid(''); setAsking({ kind: 'merge', r }); },
              reject: () => { onSaid(''); setAsking({ kind: 'reject', r }); },
            } : null} />
          ))}
        </div>
      )}
      <MoreButton paged={list} />
      {asking?.kind === 'approve' && (
        <ConfirmDialog title={t('admin_reg.approve_dup_title')}
          text={t('admin_reg.approve_dup_text', { families: duplicates(asking.r) })}
          confirm={t('admin_reg.approve_dup_confirm')} busy={action.busy === asking.r.id}
          onConfirm={() => {
            const r = asking.r;
            setAsking(null);
            void approve(r);
          }}
          onClose={() => setAsking(null)} />
      )}
      {asking?.kind === 'merge' && (
        <MergeDialog r={asking.r} onClose={() => setAsking(null)}
          onDone={(answer, into) => approved(answer,
            t('admin_reg.merged_notice', { family: asking.r.family_name, into }))} />
      )}
      {asking?.kind === 'reject' && (
        <RejectDialog r={asking.r} onClose={() => setAsking(null)}
          onDone={() => {
            const r = asking.r;
            setAsking(null);
            onSaid(t('admin_reg.rejected_notice', { family: r.family_name }));
            list.first.reload();
          }} />
      )}
    </>
  );
}
