// The drop-in rooms (こどもルーム) one pre-registration covers, listed on the form.
import { t } from '../shared/i18n';

export function Rooms({ rooms }: { rooms: { id: string; name: string }[] }) {
  return (
    <section class="reg-rooms" aria-labelledby="reg-rooms-title">
      <h2 id="reg-rooms-title">{t('register.rooms')}</h2>
      {rooms.length === 0
        ? <p>{t('register.rooms_none')}</p>
        : <ul>{rooms.map((room) => <li key={room.id}>{room.name}</li>)}</ul>}
    </section>
  );
}
