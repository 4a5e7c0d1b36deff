// The camera path of the kiosk: getUserMedia (the rear camera preferred), a decode loop
// over the video frames, and onCode(text) for each code newly seen. A code decoded
// again within kRepeatMs of the last time it was seen is ignored, so a card held in
// front of the camera counts once; it counts again after it has been out of view.
// The video keeps running while result screens cover it, so the next card is read at once.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { createDecoder, type Decoder } from './decoder';

const kRepeatMs = 3_000;
const kFrameGapMs = 120;

type CameraState = { kind: 'starting' } | { kind: 'on'; decoder: Decoder['name'] } | { kind: 'off'; why: string };

export function Camera({ onCode }: { onCode: (text: string) => void }) {
  const video_ref = useRef<HTMLVideoElement>(null);
  const on_code = useRef(onCode);
  on_code.current = onCode;
  const [state, setState] = useState<CameraState>({ kind: 'starting' });

  useEffect(() => {
    let live = true;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const last_seen = new Map<string, number>();

    const seen = (text: string) => {
      const now = Date.now();
      const before = last_seen.get(text);
      last_seen.set(text, now);
      for (const [k, at] of last_seen) if (now - at > kRepeatMs) last_seen.delete(k);
      return before !== undefined && now - before < kRepeatMs;
    };

    const loop = async (decoder: Decoder) => {
      const video = video_ref.current;
      if (!live || !video) return;
      try {
        if (video.readyState >= 2) {
          for (const text of await decoder.decode(video)) {
            if (live && !seen(text)) on_code.current(text);
          }
        }
      } catch {
        // A frame that fails to decode is skipped; the next one is tried.
      }
      if (live) timer = setTimeout(() => void loop(decoder), kFrameGapMs);
    };

    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('no getUserMedia');
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
      if (!live) return;
      const video = video_ref.current!;
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      const decoder = await createDecoder();
      if (!live) return;
      setState({ kind: 'on', decoder: decoder.name });
      void loop(decoder);
    })().catch((err: unknown) => live && setState({ kind: 'off', why: String((err as Error)?.message ?? err) }));

    return () => {
      live = false;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <div class={`camera camera--${state.kind}`} data-decoder={state.kind === 'on' ? state.decoder : undefined}>
      <video ref={video_ref} muted playsInline aria-label={t('kiosk.camera_label')} />
      {state.kind === 'off' && <p class="camera-off" title={state.why}>{t('kiosk.camera_off')}</p>}
    </div>
  );
}
