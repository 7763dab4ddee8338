/** Small DOM reading helpers. Page text is data: only `textContent` and attributes are read, never HTML. */

export function text(el: Element | null | undefined): string {
  if (!el) return '';
  return (el.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The first element matching one of `selectors`, in the order given (fallback chains). */
export function first(scope: ParentNode, ...selectors: string[]): Element | null {
  for (const s of selectors) {
    const el = scope.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** Elements matching `selector` that have no ancestor (inside `scope`) also matching it. */
export function outermost(scope: ParentNode, selector: string): Element[] {
  const all = [...scope.querySelectorAll(selector)];
  const set = new Set(all);
  return all.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/** Elements matching `selector` that contain no other match (innermost). */
export function innermost(scope: ParentNode, selector: string): Element[] {
  const all = [...scope.querySelectorAll(selector)];
  return all.filter((el) => !all.some((o) => o !== el && el.contains(o)));
}

/** A displayed amount with its currency: `$28.50`, `CDN$ 12.00`, `£7.90`, `24,99 €`, `EUR 24,99`, amazon.co.jp's full-width `￥ 3,960`. */
export const MONEY_RE =
  /(?:R\$|CA\$|CDN\$|A\$|MX\$|[$€£¥￥₹]|EUR|USD|GBP|CAD)\s?-?\d(?:[\d.,\u00a0\u202f]*\d)?|\d(?:[\d.,\u00a0\u202f]*\d)?\s?(?:€|EUR|kr|zł|£)/;
