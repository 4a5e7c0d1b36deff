// ルーム登録の承認: the families that asked in the app to use a drop-in room the staff member
// covers (GET /enrollments?status=pending, the family enrollments of drop-in rooms), each
// with its family (a link to its page), the room and 承認 (POST /enrollments/{id}/approve):
// from then on the family's QR code works at that room.
import { Outcome, useAction } from '../../../shared/action';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Enrollment, Facility } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { Table } from '../../../shared/ui/table';
import { fetchAll, useFacilities, useLoad } from '../../data';
import { Link } from '../../router';
import { LoadStatus } from '../../status';

interface RoomRequest {
  enrollment: Enrollment;
  family: string;
  room: Facility;
}

async function loadRequests(rooms: Facility[]): Promise<RoomRequest[]> {
  const pending = await fetchAll((cursor) => api.listEnrollments({ status: 'pending', limit: 200, cursor }));
  const wanted = pending.filter((e) => e.family_id && !e.child_id && rooms.some((f) => f.id === e.facility_id));
  const ids = [...new Set(wanted.map((e) => e.family_id!))];
  const names = new Map(await Promise.all(ids.map(async (id) => [id, (await api.getFamily(id)).name] as const)));
  return wanted.map((e) => ({
    enrollment: e,
    family: names.get(e.family_id!) ?? '',
    room: rooms.find((f) => f.id === e.facility_id)!,
  }));
}

export function RoomRequests() {
  const facilities = useFacilities();
  return (
    <section aria-labelledby="room-requests">
      <h2 id="room-requests">{t('admin_reg.view.rooms')}</h2>
      <p class="hint">{t('admin_reg.rooms_intro')}</p>
      <LoadStatus loaded={facilities} />
      {facilities.data && <RequestTable rooms={facilities.data.filter((f) => f.kind === 'drop_in')} />}
    </section>
  );
}

function RequestTable({ rooms }: { rooms: Facility[] }) {
  const requests = useLoad(() => loadRequests(rooms), [rooms.map((f) => f.id).join(',')]);
  const action = useAction<string>();
  const approve = (r: RoomRequest) =>
    action.run(async () => {
      await api.approveEnrollment(r.enrollment.id);
      requests.set((requests.data ?? []).filter((x) => x.enrollment.id !== r.enrollment.id));
      return t('admin_reg.rooms_approved', { family: r.family, room: r.room.name });
    }, { tag: r.enrollment.id, about: `${r.family}（${r.room.name}）` });
  return (
    <>
      <Outcome of={action} />
      <LoadStatus loaded={requests} />
      {requests.data && (
        <Table label={t('admin_reg.rooms_table')} rows={requests.data} rowKey={(r) => r.enrollment.id}
          empty={t('admin_reg.rooms_none')} columns={[
            {
              header: t('admin_reg.col_family'), rowHeader: true,
              cell: (r) => <Link to={`/families/${encodeURIComponent(r.enrollment.family_id!)}`}>{r.family}</Link>,
            },
            { header: t('admin_reg.col_room'), cell: (r) => r.room.name },
            {
              header: t('common.actions'),
              cell: (r) => (
                <Button busy={action.busy === r.enrollment.id} disabled={action.busy !== null}
                  onClick={() => void approve(r)}
                  label={t('admin_reg.rooms_approve_label', { family: r.family, room: r.room.name })}>
                  {t('enrollment.approve')}
                </Button>
              ),
            },
          ]} />
      )}
    </>
  );
}
