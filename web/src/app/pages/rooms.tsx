// こどもルーム: every drop-in room of the organization (GET /me/rooms) with its hours and the
// family's registration there — 未登録 with 「このルームに登録する」 (POST /me/enrollments),
// 承認待ち (the room's staff approve; the family's QR code works there after that), 登録済み
// with the way to the family's QR code. Phone first: one card a room. The home page links
// here while the organization has a room (<RoomsLink>).
import { useAction, Outcome } from '../../shared/action';
import { useLoad } from '../../shared/data';
import { t } from '../../shared/i18n';
import { api } from '../../shared/session';
import type { MyRoom } from '../../shared/types';
import { Button, ErrorMessage, Loading } from '../../shared/ui/feedback';
import { errorText } from '../../shared/form';
import { PageHead } from '../layout';
import { Link } from '../router';

type RoomState = 'none' | 'pending' | 'active';

const stateOf = (room: MyRoom): RoomState => room.enrollment?.status ?? 'none';

const kBadge: Record<RoomState, string> = {
  none: 'badge badge--unplanned',
  pending: 'badge badge--review-plain',
  active: 'badge badge--present',
};

export function RoomsPage() {
  const rooms = useLoad(() => api.myRooms(), []);
  const action = useAction<string>();
  const enroll = (room: MyRoom) =>
    action.run(async () => {
      const enrollment = await api.enrollInRoom(room.facility.id);
      rooms.set((rooms.data ?? []).map((r) => (r.facility.id === room.facility.id
        ? { ...r, enrollment } : r)));
      return t('app_rooms.sent', { room: room.facility.name });
    }, { tag: room.facility.id, about: room.facility.name });

  return (
    <>
      <PageHead title={t('app_rooms.title')} />
      <p>{t('app_rooms.intro')}</p>
      <Outcome of={action} />
      {rooms.error !== null && <ErrorMessage>{errorText(rooms.error)}</ErrorMessage>}
      {rooms.data === null && rooms.error === null && <Loading label={t('common.loading')} />}
      {rooms.data?.length === 0 && <p>{t('app_rooms.empty')}</p>}
      {rooms.data?.map((room) => (
        <RoomCard key={room.facility.id} room={room} busy={action.busy === room.facility.id}
          disabled={action.busy !== null} onEnroll={() => void enroll(room)} />
      ))}
    </>
  );
}

function RoomCard({ room, busy, disabled, onEnroll }: { room: MyRoom; busy: boolean; disabled: boolean; onEnroll: () => void }) {
  const { facility } = room;
  const state = stateOf(room);
  const heading_id = `room-${facility.id}`;
  return (
    <article class="card pa-room" aria-labelledby={heading_id}>
      <h2 id={heading_id}>{facility.name}</h2>
      <p class="pa-child-meta">{t('app_rooms.hours', { opens: facility.opens_at, closes: facility.closes_at })}</p>
      <p class="pa-room-state">
        <span class={kBadge[state]}>{t(`app_rooms.status.${state}`)}</span>
      </p>
      <p class="pa-room-text">{t(`app_rooms.${state}_text`)}</p>
      <div class="pa-actions">
        {state === 'none' && (
          <Button busy={busy} disabled={disabled} onClick={onEnroll}>
            {t('app_rooms.enroll')}
          </Button>
        )}
        {state === 'active' && (
          <Link to="/qr?code=family" class="btn btn--secondary">{t('app_rooms.show_qr')}</Link>
        )}
      </div>
    </article>
  );
}

/** The home page's way here: 「こどもルーム」, shown while the organization has a room. */
export function RoomsLink() {
  const rooms = useLoad(() => api.myRooms().catch(() => [] as MyRoom[]), []);
  if (!rooms.data || rooms.data.length === 0) return null;
  return (
    <p class="pa-cal-link pa-rooms-link">
      <Link to="/rooms">{t('app_rooms.home_link')}</Link>
      <span class="pa-rooms-hint">{t('app_rooms.home_hint')}</span>
    </p>
  );
}
