/**
 * "Import tracking numbers" (issue #12): a CSV or text file of numbers, read by the one parser the
 * popup's box uses (lib/scan/parse-input.ts). A CSV whose header names a tracking-number column
 * (`tracking_number`, "Tracking Number", "Sendungsnummer"…) is read from that column only, so its
 * dates and order ids are not taken for numbers; anything else (one per line, a pasted list) goes to
 * the parser whole. A byte-order mark and CRLF line ends are what spreadsheets save: both are fine.
 */
import Papa from 'papaparse';
import { MAX_INPUT_CHARS, type ParsedInput, parseTrackingInput } from '../scan/parse-input';

const NUMBER_COLUMN = /tracking|sendungs|suivi|seguimiento|spedizione|^number$|^awb$/i;

export interface TrackingList extends ParsedInput {
  /** The column read, when the file is a CSV with a header naming one. */
  column: string | null;
  /** True when the file was longer than the parser reads in one go. */
  cut: boolean;
}

function numberColumn(text: string): { column: string; values: string } | null {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!/[,;\t]/.test(firstLine)) return null;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const header = parsed.data[0];
  if (!header) return null;
  const at = header.findIndex((h) => NUMBER_COLUMN.test(h.trim()));
  if (at < 0) return null;
  return { column: header[at]!.trim(), values: parsed.data.slice(1).map((row) => row[at] ?? '').join('\n') };
}

export function readTrackingList(fileText: string): TrackingList {
  const text = fileText.replace(/^\uFEFF/, '');
  const col = numberColumn(text);
  const body = col ? col.values : text;
  return { ...parseTrackingInput(body), column: col?.column ?? null, cut: body.length > MAX_INPUT_CHARS };
}
