/**
 * Reads a backup file as a stream of validated records (issue #12). A file in the layout
 * "Export backup" writes (one record per line) is read line by line and never held whole; any other
 * JSON layout of the same document (pretty-printed, minified by a tool) is read whole up to
 * {@link WHOLE_FILE_LIMIT}. Every problem is a {@link BackupError} naming what is wrong and where,
 * raised before the importer writes anything (it reads the file twice: once to check, once to write).
 */
import type { z } from 'zod';
import { BACKUP_FORMAT_NAME, BACKUP_FORMAT_VERSION, BACKUP_TABLES, type BackupTable, HeaderSchema, RECORD_SCHEMAS } from './schema';

/**
 * What is wrong, as a code and its facts: the options page says it in the shopper's language
 * (lib/view/options-data.ts backupErrorText, issue #13 §2). `detail` and `issue` are what JSON.parse
 * and zod said, as they said it; a record's `key` and `packageId` are cut to 80 characters.
 */
export type BackupProblem =
  | { code: 'empty' }
  | { code: 'truncated' }
  | { code: 'not_json_start' }
  | { code: 'no_format'; where: 'first_line' | 'file'; format: string }
  | { code: 'header_not_json'; detail: string }
  | { code: 'too_big'; mb: number }
  | { code: 'newer'; version: number; supported: number }
  | { code: 'header_invalid'; issue: string }
  | { code: 'record_invalid'; line: number; table: BackupTable; key: string | null; issue: string }
  | { code: 'line_too_long'; line: number; mb: number }
  | { code: 'after_end'; line: number }
  | { code: 'expected_list'; line: number; table: BackupTable }
  | { code: 'list_closed_wrong'; line: number; table: BackupTable }
  | { code: 'line_not_json'; line: number; detail: string }
  | { code: 'file_not_json'; detail: string }
  | { code: 'no_list'; table: BackupTable }
  | { code: 'duplicate'; line: number; table: BackupTable; key: string }
  | { code: 'orphan'; line: number; table: BackupTable; key: string; packageId: string }
  | { code: 'passphrase_short'; min: number }
  | { code: 'wrong_passphrase' }
  | { code: 'keys_unknown' };

export class BackupError extends Error {
  override name = 'BackupError';
  /** The message is the code and its facts, for a developer's console; the shopper reads backupErrorText. */
  constructor(readonly problem: BackupProblem) {
    super(JSON.stringify(problem));
  }
}

/** Longest line a record may take (a package with its whole claim history stays far below). */
export const MAX_LINE = 4 * 1024 * 1024;
/** Largest file read whole when it is not in the line layout. */
export const WHOLE_FILE_LIMIT = 64 * 1024 * 1024;

export type BackupHeader = z.infer<typeof HeaderSchema>;
export type BackupItem =
  | { kind: 'header'; header: BackupHeader }
  | { [T in BackupTable]: { kind: 'record'; table: T; line: number; value: z.infer<(typeof RECORD_SCHEMAS)[T]> } }[BackupTable];

function jsonError(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0]!.slice(0, 160) : String(err);
}

/** The first problem zod found, as "field.path: message". */
function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return `${path ? `${path}: ` : ''}${issue.message}`;
}

function checkHeader(raw: unknown, where: 'first_line' | 'file'): BackupHeader {
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT_NAME) {
    throw new BackupError({ code: 'no_format', where, format: BACKUP_FORMAT_NAME });
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
    throw new BackupError({ code: 'newer', version, supported: BACKUP_FORMAT_VERSION });
  }
  const parsed = HeaderSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError({ code: 'header_invalid', issue: issueText(parsed.error) });
  return parsed.data;
}

function checkRecord(table: BackupTable, raw: unknown, line: number): BackupItem {
  const parsed = RECORD_SCHEMAS[table].safeParse(raw);
  if (!parsed.success) {
    const key = raw && typeof raw === 'object' ? ((raw as Record<string, unknown>).id ?? (raw as Record<string, unknown>).key) : undefined;
    throw new BackupError({ code: 'record_invalid', line, table, key: typeof key === 'string' ? key.slice(0, 80) : null, issue: issueText(parsed.error) });
  }
  return { kind: 'record', table, line, value: parsed.data } as BackupItem;
}

/** Lines of a text stream (LF or CRLF; a leading byte-order mark dropped), each with its number. */
async function* linesOf(chunks: AsyncIterable<string>, maxLine: number): AsyncGenerator<{ text: string; line: number; rest?: string; unterminated?: true }> {
  let buf = '';
  let line = 0;
  let started = false;
  let raw = false;
  for await (let chunk of chunks) {
    if (raw) {
      yield { text: '', line, rest: chunk };
      continue;
    }
    if (!started && chunk.length) {
      started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    buf += chunk;
    let at: number;
    while ((at = buf.indexOf('\n')) >= 0) {
      line++;
      yield { text: buf.slice(0, at).replace(/\r$/, ''), line };
      buf = buf.slice(at + 1);
    }
    if (buf.length > maxLine) {
      // A line this long is not the line layout: the rest is passed on as it comes.
      raw = true;
      yield { text: '', line: line + 1, rest: buf };
      buf = '';
    }
  }
  // The writer ends every line, the last one too: a line without its end is where a file was cut.
  if (buf.length) yield { text: buf.replace(/\r$/, ''), line: line + 1, unterminated: true };
}

/**
 * The header, then every record in file order, each validated. Throws {@link BackupError} at the
 * first problem; the caller has written nothing by then.
 */
export async function* readBackup(chunks: AsyncIterable<string>): AsyncGenerator<BackupItem> {
  const lines = linesOf(chunks, MAX_LINE);
  let header: BackupHeader | null = null;
  let tableIndex = -1;
  let inTable = false;
  let done = false;
  let seenAnything = false;
  for await (const { text, line, rest, unterminated } of lines) {
    if (rest !== undefined) {
      if (!header && !seenAnything) {
        if (!rest.trimStart().startsWith('{')) throw new BackupError({ code: 'not_json_start' });
        yield* readWhole(rest, lines);
        return;
      }
      throw new BackupError({ code: 'line_too_long', line, mb: MAX_LINE / 1024 / 1024 });
    }
    const t = text.trim();
    if (!t) continue;
    if (done) throw new BackupError({ code: 'after_end', line });
    if (!seenAnything) {
      seenAnything = true;
      if (!t.startsWith('{')) throw new BackupError({ code: 'not_json_start' });
      if (!t.endsWith(',') || t === '{') {
        // Not the line layout: the whole document, read at once (bounded).
        yield* readWhole(`${text}\n`, lines);
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(`${t.slice(0, -1)}}`);
      } catch (err) {
        throw new BackupError({ code: 'header_not_json', detail: jsonError(err) });
      }
      header = checkHeader(raw, 'first_line');
      yield { kind: 'header', header };
      continue;
    }
    if (!inTable) {
      const expected = BACKUP_TABLES[tableIndex + 1];
      if (!expected) throw new BackupError({ code: 'after_end', line });
      if (t !== `${JSON.stringify(expected)}:[`) throw new BackupError({ code: 'expected_list', line, table: expected });
      tableIndex++;
      inTable = true;
      continue;
    }
    if (t === '],' || t === ']}') {
      const last = tableIndex === BACKUP_TABLES.length - 1;
      if (last !== (t === ']}')) throw new BackupError({ code: 'list_closed_wrong', line, table: BACKUP_TABLES[tableIndex]! });
      inTable = false;
      done = last;
      continue;
    }
    const body = t.endsWith(',') ? t.slice(0, -1) : t;
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch (err) {
      if (unterminated) throw new BackupError({ code: 'truncated' });
      throw new BackupError({ code: 'line_not_json', line, detail: jsonError(err) });
    }
    yield checkRecord(BACKUP_TABLES[tableIndex]!, raw, line);
  }
  if (!seenAnything) throw new BackupError({ code: 'empty' });
  if (!done) throw new BackupError({ code: 'truncated' });
}

/** A backup not in the line layout: the rest of the stream gathered (up to the limit) and parsed once. */
async function* readWhole(start: string, rest: AsyncIterable<{ text: string; rest?: string }>): AsyncGenerator<BackupItem> {
  let text = start;
  for await (const l of rest) {
    text += l.rest ?? `${l.text}\n`;
    if (text.length > WHOLE_FILE_LIMIT) {
      throw new BackupError({ code: 'too_big', mb: WHOLE_FILE_LIMIT / 1024 / 1024 });
    }
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new BackupError({ code: 'file_not_json', detail: jsonError(err) });
  }
  const header = checkHeader(doc, 'file');
  yield { kind: 'header', header };
  const d = doc as Record<string, unknown>;
  for (const table of BACKUP_TABLES) {
    const list = d[table];
    if (!Array.isArray(list)) throw new BackupError({ code: 'no_list', table });
    for (const [i, raw] of list.entries()) yield checkRecord(table, raw, i + 1);
  }
}
