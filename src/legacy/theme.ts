// Follows the Office theme (Office.context.officeTheme: body and control colours) where the host
// reports one, through CSSOM properties (allowed by the page's Content-Security-Policy).
interface Theme {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
}

const HEX = /^#[0-9A-Fa-f]{6}$/;

export function applyOfficeTheme(root: HTMLElement): void {
  let t: Theme | undefined;
  try {
    t = (Office.context as unknown as { officeTheme?: Theme }).officeTheme;
  } catch {
    t = undefined;
  }
  if (!t) return;
  if (t.bodyBackgroundColor && HEX.test(t.bodyBackgroundColor)) document.body.style.backgroundColor = t.bodyBackgroundColor;
  if (t.bodyForegroundColor && HEX.test(t.bodyForegroundColor)) root.style.color = t.bodyForegroundColor;
}
