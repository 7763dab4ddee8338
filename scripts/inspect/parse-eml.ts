/**
 * A raw `.eml` file (RFC 5322: MIME, quoted-printable, base64, HTML parts) as the parts the e-mail
 * reader takes. Dev tooling: the extension never parses whole messages (its webmail script reads
 * the open message's sender, subject and body from the page and calls readEmailParts), but
 * `inspect email`, the e-mail tests and the accuracy bench start from saved .eml files. They decode
 * here, then call the extension's readEmailParts (lib/email/read-email.ts), so what they measure is
 * the code the extension runs. Lives in scripts/ because the inspect CLI needs it and scripts do not
 * import from tests/; the tests import it from here.
 */
import PostalMime from 'postal-mime';
import type { EmailParts } from '../../lib/email/read-email';

/** Largest raw message we parse (bigger ones are cut: attachments are of no use here). */
const MAX_EMAIL_BYTES = 25 * 1024 * 1024;

const NO_PARTS: EmailParts = { from: null, subject: null, text: null, html: null };

/** Parses a raw message. Never throws: unreadable input gives empty parts (an empty reading). */
export async function parseEml(raw: string | Uint8Array | ArrayBuffer): Promise<EmailParts> {
  try {
    const size = typeof raw === 'string' ? raw.length : raw.byteLength;
    const input = size > MAX_EMAIL_BYTES ? raw.slice(0, MAX_EMAIL_BYTES) : raw;
    const email = await PostalMime.parse(input);
    const parts: EmailParts = { from: email.from?.address ?? null, subject: email.subject ?? null, text: email.text ?? null, html: email.html ?? null, date: email.date ?? null };
    return parts.text || parts.html ? parts : { ...parts, ...recoverBody(input) };
  } catch {
    return NO_PARTS;
  }
}

/**
 * Some real messages have no blank line between the headers and the first MIME boundary, so a
 * strict parser finds no body. Fall back to the raw text after the first boundary, decoded as
 * quoted-printable when it says so.
 */
function recoverBody(raw: string | Uint8Array | ArrayBuffer): { text: string | null; html: string | null } {
  const s = typeof raw === 'string' ? raw : new TextDecoder('utf-8', { fatal: false }).decode(raw);
  const boundary = s.search(/^--/m);
  let body = boundary >= 0 ? s.slice(boundary) : s;
  if (/content-transfer-encoding:\s*quoted-printable/i.test(body)) body = decodeQuotedPrintable(body);
  return /<html|<body|<table|<a\s/i.test(body) ? { text: null, html: body } : { text: body, html: null };
}

/** Decodes quoted-printable text (RFC 2045 §6.7) as UTF-8; soft line breaks are removed. */
function decodeQuotedPrintable(input: string): string {
  const joined = input.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 61 && i + 2 < joined.length + 0 && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 128) {
      bytes.push(c);
    } else {
      for (const b of new TextEncoder().encode(joined[i]!)) bytes.push(b);
    }
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
}
