// A QR code of a text, drawn in the browser by zxing-wasm's writer (zxing-cpp in
// WebAssembly) as an SVG shown in an <img> with `alt`. The writer and its .wasm file are
// bundled by Vite into /assets/ and fetched from our own server only when a QR is first
// shown, never from a CDN (facilities may sit in closed networks; ../kiosk/decoder.ts
// does the same for the reader). While it is drawn a loading line stands in its place;
// if drawing fails, an error line says so (the text itself is on the page anyway).
import { useEffect, useState } from 'preact/hooks';
import wasm_url from 'zxing-wasm/writer/zxing_writer.wasm?url';
import { t } from '../shared/i18n';
import { ErrorMessage, Loading } from '../shared/ui/feedback';

/** Pixels per module: an integer keeps the modules' edges sharp for a camera. */
const kModulePx = 6;

let writer: Promise<typeof import('zxing-wasm/writer')> | null = null;

/** The writer module, prepared once with its .wasm from our own /assets/. */
function loadWriter() {
  writer ??= import('zxing-wasm/writer').then(async (module) => {
    await module.prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasm_url : prefix + path) },
      fireImmediately: true,
    });
    return module;
  });
  writer.catch(() => {
    writer = null; // a later QR tries again
  });
  return writer;
}

/** The SVG of `text` as a QR code, as a data: URL for an <img>. */
export async function qrDataUrl(text: string): Promise<string> {
  const { writeBarcode } = await loadWriter();
  const written = await writeBarcode(text, { format: 'QRCode', scale: kModulePx });
  if (written.error || !written.svg) throw new Error(written.error || 'no svg');
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(written.svg)}`;
}

export function QrImage({ text, alt, class: className }: { text: string; alt: string; class?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setUrl(null);
    setFailed(false);
    qrDataUrl(text).then(
      (u) => live && setUrl(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [text]);
  if (failed) return <ErrorMessage>{t('admin_pairing.qr_failed')}</ErrorMessage>;
  if (!url) return <Loading label={t('common.loading')} />;
  return <img class={className} src={url} alt={alt} />;
}
