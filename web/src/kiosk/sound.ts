// Short beeps made with WebAudio, one pattern per outcome, so a child hears the result
// without reading: rising for an arrival, falling for a departure, one soft tone for a
// duplicate or a queued scan, a low double buzz for a refused card. Browsers start audio
// only after a user gesture: until the first tap the beeps are silent, never an error.

export type Sound = 'arrived' | 'departed' | 'duplicate' | 'queued' | 'refused';

interface Tone {
  freq: number;
  start: number; // seconds after now
  length: number;
  type: OscillatorType;
}

const kPatterns: Record<Sound, Tone[]> = {
  arrived: [
    { freq: 660, start: 0, length: 0.12, type: 'sine' },
    { freq: 990, start: 0.14, length: 0.2, type: 'sine' },
  ],
  departed: [
    { freq: 990, start: 0, length: 0.12, type: 'sine' },
    { freq: 660, start: 0.14, length: 0.2, type: 'sine' },
  ],
  duplicate: [{ freq: 740, start: 0, length: 0.15, type: 'triangle' }],
  queued: [{ freq: 520, start: 0, length: 0.2, type: 'triangle' }],
  refused: [
    { freq: 220, start: 0, length: 0.18, type: 'square' },
    { freq: 220, start: 0.24, length: 0.18, type: 'square' },
  ],
};

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context) return context;
  const Ctor = globalThis.AudioContext;
  if (!Ctor) return null;
  try {
    context = new Ctor();
  } catch {
    return null;
  }
  return context;
}

/** Lets later beeps sound: call from a user gesture (a tap). Resolves once it is done. */
export async function unlockSound(): Promise<void> {
  await audio()?.resume().catch(() => undefined);
}

/** True once beeps can be heard (audio started by a tap). */
export function soundReady(): boolean {
  return context?.state === 'running';
}

export function beep(sound: Sound): void {
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const now = ctx.currentTime;
  for (const tone of kPatterns[sound]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = tone.type;
    osc.frequency.value = tone.freq;
    const t0 = now + tone.start;
    const t1 = t0 + tone.length;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.3, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t1);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t1 + 0.02);
  }
}
