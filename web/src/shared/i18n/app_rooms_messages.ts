// The texts of the parents' app's こどもルーム page (registering the family at each drop-in
// room): Japanese first, English typed over it. Spread into ./ja.ts and ./en.ts.
export const appRoomsMessagesJa = {
  'app_rooms.title': 'こどもルーム',
  'app_rooms.intro': '利用するこどもルームごとに登録します。登録したルームでは、受付で家族のQRコードを見せると来館が記録されます。',
  'app_rooms.home_link': 'こどもルーム',
  'app_rooms.home_hint': 'ルームの利用登録',
  'app_rooms.hours': '開所時間 {opens}〜{closes}',
  'app_rooms.status.none': '未登録',
  'app_rooms.status.pending': '承認待ち',
  'app_rooms.status.active': '登録済み',
  'app_rooms.none_text': 'このルームを利用するには、登録してください。',
  'app_rooms.pending_text': 'ルームの職員が承認すると、このルームで家族のQRコードが使えるようになります。',
  'app_rooms.active_text': 'このルームで家族のQRコードが使えます。',
  'app_rooms.enroll': 'このルームに登録する',
  'app_rooms.sent': '{room}に登録を申し込みました。ルームの職員の承認をお待ちください。',
  'app_rooms.show_qr': '家族のQRコードを表示',
  'app_rooms.empty': '登録できるこどもルームはありません。',
} as const;

export const appRoomsMessagesEn: Record<keyof typeof appRoomsMessagesJa, string> = {
  'app_rooms.title': 'Drop-in rooms',
  'app_rooms.intro': 'Register at each drop-in room you use. At a room where you are registered, show the family\'s QR code at the window and the visit is recorded.',
  'app_rooms.home_link': 'Drop-in rooms',
  'app_rooms.home_hint': 'Register at a room',
  'app_rooms.hours': 'Open {opens}–{closes}',
  'app_rooms.status.none': 'Not registered',
  'app_rooms.status.pending': 'Waiting for approval',
  'app_rooms.status.active': 'Registered',
  'app_rooms.none_text': 'Register to use this room.',
  'app_rooms.pending_text': 'Once the room\'s staff approve, the family\'s QR code works at this room.',
  'app_rooms.active_text': 'The family\'s QR code works at this room.',
  'app_rooms.enroll': 'Register at this room',
  'app_rooms.sent': 'You asked to register at {room}. The room\'s staff will approve it.',
  'app_rooms.show_qr': 'Show the family\'s QR code',
  'app_rooms.empty': 'There is no drop-in room to register at.',
};
