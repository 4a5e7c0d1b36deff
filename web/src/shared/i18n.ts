// The translations of the Tadaima front ends: Japanese first (./i18n/ja.ts), English second
// (./i18n/en.ts), and the texts of the server's error reasons (./i18n/reasons.ts).
// t(key, params) returns the text in the current language, with {name} placeholders
// replaced from params; reasonText(reason, params, fallback) says an error reason the same
// way. The choice is kept in localStorage ("tadaima.lang") and mirrored on <html lang>.
// useLang() re-renders a Preact component when the language changes.
import { useEffect, useState } from 'preact/hooks';
import { en, kGradesEn } from './i18n/en';
import { ja, type MessageKey } from './i18n/ja';
import { kReasonTexts } from './i18n/reasons';

export type { MessageKey };

export type Lang = 'ja' | 'en';
export const kLangs: readonly Lang[] = ['ja', 'en'];
const kStorageKey = 'tadaima.lang';
const kTables: Record<Lang, Record<MessageKey, string>> = { ja, en };

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(kStorageKey);
    return stored === 'en' || stored === 'ja' ? stored : 'ja';
  } catch {
    return 'ja';
  }
}

let current_lang: Lang = readStoredLang();
const listeners = new Set<(lang: Lang) => void>();

function applyDocumentLang(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current_lang;
}
applyDocumentLang();

export function getLang(): Lang {
  return current_lang;
}

/** Switches the language, remembers it and re-renders every useLang() user. */
export function setLang(lang: Lang): void {
  if (lang === current_lang) return;
  current_lang = lang;
  try {
    globalThis.localStorage?.setItem(kStorageKey, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  applyDocumentLang();
  for (const listener of listeners) listener(lang);
}

/** Subscribes to language changes; returns the unsubscribe function. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The text of key in the current language, with {name} replaced by params.name. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fill(kTables[current_lang][key] ?? ja[key] ?? key, params);
}

/** Whether the client has a text for reason (an id of ErrorReason). */
export function knownReason(reason: string | undefined): boolean {
  return !!reason && Object.hasOwn(kReasonTexts, reason);
}

/**
 * An error reason in the current language, with its field_params filled in ({max}…;
 * {choices}, joined by "," on the wire, as "a, b or c"). A reason the client does not know
 * (a newer server's) says `fallback`, the server's own text, or else the id itself.
 */
export function reasonText(reason: string | undefined, params: Record<string, string> = {}, fallback = ''): string {
  if (!knownReason(reason)) return fallback || (reason ?? '');
  const text = kReasonTexts[reason as keyof typeof kReasonTexts][current_lang];
  const choices = params.choices?.split(',');
  const said = choices && choices.length > 1
    ? `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`
    : params.choices;
  return fill(text, choices ? { ...params, choices: said ?? '' } : params);
}

/** A school grade ("小1") in the current language. */
export function gradeLabel(grade: string): string {
  return current_lang === 'en' ? (kGradesEn[grade] ?? grade) : grade;
}

/** The current language; the calling component re-renders when it changes. */
export function useLang(): Lang {
  const [lang, setState] = useState(current_lang);
  useEffect(() => onLangChange(setState), []);
  return lang;
}
