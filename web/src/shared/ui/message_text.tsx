// Plain text staff or a guardian wrote, as people read it: every line break kept, web
// addresses (http, https) made links that open in a new tab. Built as nodes, never as HTML,
// so nothing in the text can become markup.
import type { ComponentChildren } from 'preact';

const kLink = /https?:\/\/[^\s<>"'「」（）、。]+/g;

/** One line with its web addresses as links (the rest as text). */
function LinkedLine({ line }: { line: string }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const m of line.matchAll(kLink)) {
    const url = m[0].replace(/[.,;:!?)]+$/, '');
    parts.push(line.slice(at, m.index));
    parts.push(<a key={m.index} href={url} target="_blank" rel="noopener noreferrer">{url}</a>);
    at = m.index + url.length;
  }
  parts.push(line.slice(at));
  return <>{parts}</>;
}

/** Plain text as a parent sees it: each line break kept, web addresses clickable. */
export function MessageText({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <p class="message-text">
      {lines.flatMap((line, i) => [i > 0 && <br key={`br${i}`} />, <LinkedLine key={i} line={line} />])}
    </p>
  );
}
