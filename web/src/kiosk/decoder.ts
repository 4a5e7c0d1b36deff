// QR decoding of camera frames: the browser's BarcodeDetector where it supports QR codes,
// else zxing-wasm (zxing-cpp in WebAssembly). The .wasm file is bundled by Vite into
// /assets/ and fetched from our own server, never from a CDN: facilities may sit in
// closed networks. zxing-wasm is loaded only when it is needed.
import wasm_url from 'zxing-wasm/reader/zxing_reader.wasm?url';

export interface Decoder {
  readonly name: 'barcode-detector' | 'zxing-wasm';
  /** The texts of the QR codes in the video's current frame (usually none or one). */
  decode(video: HTMLVideoElement): Promise<string[]>;
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorCtor {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

async function barcodeDetector(): Promise<Decoder | null> {
  const Ctor = (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
  if (!Ctor) return null;
  try {
    if (!(await Ctor.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Ctor({ formats: ['qr_code'] });
    return {
      name: 'barcode-detector',
      decode: async (video) => (await detector.detect(video)).map((b) => b.rawValue),
    };
  } catch {
    return null;
  }
}

// Frames are scaled down to at most this width before zxing reads them: a card held
// up to a tablet fills much of the frame, and smaller images decode much faster.
const kMaxWidth = 800;

async function zxing(): Promise<Decoder> {
  const { prepareZXingModule, readBarcodes } = await import('zxing-wasm/reader');
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasm_url : prefix + path) },
    fireImmediately: true,
  });
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  return {
    name: 'zxing-wasm',
    decode: async (video) => {
      const w = video.videoWidth;
      const h = video.videoHeight;
      if (!w || !h) return [];
      const scale = Math.min(1, kMaxWidth / w);
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(h * scale);
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
      return results.filter((r) => r.isValid && r.text).map((r) => r.text);
    },
  };
}

/** The best decoder this browser offers. */
export async function createDecoder(): Promise<Decoder> {
  return (await barcodeDetector()) ?? zxing();
}
