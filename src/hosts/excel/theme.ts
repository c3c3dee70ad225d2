// The Office theme the task pane follows (Office.context.officeTheme): 彩色/白色 themes give a light
// body, 深灰色/黑色 a dark one. Older hosts report no theme (or throw when asked): the pane then
// follows the system's colour scheme.
import type { HostTheme } from '../types';

type ThemeSource = { bodyBackgroundColor?: string; isDarkTheme?: boolean } | null | undefined;

/** '#RGB' / '#RRGGBB' → relative luminance (WCAG 2), or null when not a colour. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  const ch = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)));
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

export function themeFrom(t: ThemeSource): HostTheme | null {
  if (!t || typeof t !== 'object') return null;
  // isDarkTheme exists on newer hosts only; otherwise the body background decides
  // (深灰色 reports a mid grey, so the threshold sits below mid luminance).
  if (typeof t.isDarkTheme === 'boolean') return { dark: t.isDarkTheme };
  const l = typeof t.bodyBackgroundColor === 'string' ? luminance(t.bodyBackgroundColor) : null;
  return l === null ? null : { dark: l < 0.18 };
}

/** The current Office theme, or null where the host has none. */
export function officeTheme(): HostTheme | null {
  try {
    if (typeof Office === 'undefined' || !Office.context) return null;
    return themeFrom(Office.context.officeTheme as ThemeSource);
  } catch {
    return null;
  }
}
