import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

/** Renders into a fresh container in happy-dom's document; returns it and a cleanup. */
export function mount(node: ComponentChild): { root: HTMLElement; unmount(): void } {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return {
    root,
    unmount() {
      act(() => render(null, root));
      root.remove();
    },
  };
}

export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  const labels = [...root.querySelectorAll('label')].filter((l) => l.textContent?.trim().replace(/\s+/g, ' ').startsWith(text));
  if (labels.length !== 1) throw new Error(`${labels.length} labels start with "${text}"`);
  const id = labels[0]!.htmlFor;
  const el = id ? (root.querySelector(`#${CSS.escape(id)}`) as T | null) : (labels[0]!.querySelector('input,select') as T | null);
  if (!el) throw new Error(`label "${text}" labels nothing`);
  return el;
}

export function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].filter((b) => b.textContent?.trim() === text);
  if (found.length !== 1) throw new Error(`${found.length} buttons "${text}"`);
  return found[0]!;
}

export function type(el: HTMLInputElement | HTMLSelectElement, value: string, event: 'input' | 'change' = 'input'): void {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

export function click(el: HTMLElement): void {
  act(() => el.click());
}

/** Toggles a checkbox the way a user does, then fires `change` (happy-dom's click may not). */
export function toggle(el: HTMLInputElement, checked = !el.checked): void {
  act(() => {
    el.checked = checked;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Polls until `fn` stops throwing (async effects, Dexie liveQuery). */
export async function waitFor<T>(fn: () => T, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await act(async () => {
        await new Promise((r) => setTimeout(r, 10));
      });
    }
  }
}
