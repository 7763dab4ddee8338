/**
 * Text and links of an HTML e-mail part, without a DOM (e-mail HTML is data, never rendered).
 * One pass of linear regular expressions: scripts and styles dropped, block tags become line
 * breaks, entities decoded.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?(?:p|div|br|tr|td|th|li|ul|ol|table|tbody|h[1-6]|section|article|header|footer)\b[^>]*>/gi, '\n')
      .replace(/<[^>]{0,2000}>/g, ' '),
  )
    .replace(/[ \t\u00a0]*\n[\s]*/g, '\n')
    .replace(/[ \t]{2,}/g, ' ');
}

/** `href` values of the HTML's links, entity-decoded. */
export function htmlLinks(html: string): string[] {
  const out: string[] = [];
  // Quoted, single-quoted or bare (`href=https://gls-group.eu/track/1`) attribute values.
  const re = /\bhref\s*=\s*(?:"([^"]{0,8192})"|'([^']{0,8192})'|([^\s"'<>`]{1,8192}))/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
  return out;
}
