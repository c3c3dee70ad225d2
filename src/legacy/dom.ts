// A few DOM helpers for the plain pane: elements built with createElement and text nodes only
// (no innerHTML, nothing for Content-Security-Policy to object to), all of it in IE11.
type Child = Node | string | null | undefined | false;

export function h(tag: string, attrs?: Record<string, string> | null, children?: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) for (const k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) el.setAttribute(k, attrs[k]);
  if (children) append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function button(label: string, onClick: () => void, className = 'lp-button'): HTMLButtonElement {
  const b = h('button', { type: 'button', class: className }, [label]) as HTMLButtonElement;
  b.addEventListener('click', onClick);
  return b;
}
