// @vitest-environment node
/**
 * Every word the popup shows comes from the messages (issue #13 §2): this reads the popup's files
 * with the TypeScript compiler and fails on what a shopper would read that is not a message —
 * JSX text with letters, a literal in a user-facing attribute, and prose in a string literal of
 * the view code that builds the popup's text (a letter and a space, or a capitalised word).
 * Names, CSS classes, data keys and key codes read differently and pass; the few exceptions are
 * listed below with their reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

/** The popup's components and its entrypoint (JSX), and the modules that make its text (prose). */
const JSX_FILES = [
  'components/popup-shell.tsx',
  'components/package-list.tsx',
  'components/package-row.tsx',
  'components/package-view.tsx',
  'components/track-box.tsx',
  'entrypoints/popup/app.tsx',
  'components/options/sources-section.tsx',
  'components/options/provider-card.tsx',
  'components/options/carrier-pages-section.tsx',
  'components/options/webmail-section.tsx',
  'components/options/shop-pages-section.tsx',
  'components/options/page-reading-section.tsx',
  'components/options/status-line.tsx',
  'components/options/switch.tsx',
  'components/options/welcome-section.tsx',
  'components/options/sync-section.tsx',
  'components/options/list-section.tsx',
  'components/options/diagnostics-section.tsx',
  'components/options/notifications-section.tsx',
  'components/options/alert-thresholds-section.tsx',
  'components/options/data-section.tsx',
  'entrypoints/popup/main.tsx',
  'entrypoints/options/main.tsx',
  'entrypoints/options/app.tsx',
  'entrypoints/options/options-app.tsx',
];
const VIEW_FILES = [
  'lib/view/headline.ts',
  'lib/view/popup-model.ts',
  'lib/view/package-details.ts',
  'lib/view/event-description.ts',
  'lib/view/track-error-text.ts',
  'lib/view/carrier-name.ts',
  'lib/view/source-label.ts',
  'lib/view/track-offers.ts',
  'lib/view/orders-links.ts',
  'lib/view/date-format.ts',
  'lib/services/popup-view.ts',
  'lib/view/options-sources.ts',
  'lib/view/options-carrier-pages.ts',
  'lib/view/options-webmail.ts',
  'lib/view/options-shop-pages.ts',
  'lib/alerts/next-steps.ts',
  'lib/notify/decide-notifications.ts',
  'lib/alerts/situation.ts',
  'lib/alerts/rules/attempt-failed.ts',
  'lib/alerts/rules/cancelled-order.ts',
  'lib/alerts/rules/delayed-carrier-code.ts',
  'lib/alerts/rules/delayed-eta-passed.ts',
  'lib/alerts/rules/delivered.ts',
  'lib/alerts/rules/eta-moved-later.ts',
  'lib/alerts/rules/exception.ts',
  'lib/alerts/rules/out-for-delivery.ts',
  'lib/alerts/rules/ready-for-pickup.ts',
  'lib/alerts/rules/returned-to-sender.ts',
  'lib/alerts/rules/stalled.ts',
  'lib/alerts/rules/suspected-lost.ts',
  'lib/view/options-sync.ts',
  'lib/view/options-diagnostics.ts',
  'lib/view/options-notifications.ts',
  'lib/view/options-data.ts',
  'entrypoints/options/use-data-section.ts',
  'lib/scan/parse-input.ts',
  'lib/backup/read-backup.ts',
  'lib/backup/import-backup.ts',
  'lib/backup/sealed-keys.ts',
  'lib/export/claim-kit.ts',
  'lib/export/ics.ts',
  'lib/carriers/clients.ts',
  'lib/alerts/claim-windows.ts',
  'lib/platform/context-menu.ts',
];

/** lib/view/ modules not read for prose, each with why. */
const VIEW_EXEMPT: Record<string, string> = {
  'lib/view/bug-report.ts': 'the bug report is written in English on purpose: the maintainers read it',
  'lib/view/coalesce-changes.ts': 'a scheduler: no text',
  'lib/view/rows-per-page.ts': 'a number: no text',
};

const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-valuetext', 'aria-roledescription']);

/** Literals that are no text for the shopper, each with why. */
const ALLOWED: Record<string, string> = {
  Porchlight: "the extension's name, in every language (the popup's heading)",
  Escape: 'a KeyboardEvent.key',
  Enter: 'a KeyboardEvent.key',
  'Porchlight popup:': 'console prefix for developers',
  BackupError: "the backup reader's Error name, for developers (the shopper reads backupErrorText)",
  'PRODID:-//Porchlight//Parcel tracker//EN': "the calendar file's product identifier (RFC 5545 §3.7.3), which no calendar shows",
  'UPS Track API': "a provider's product name, in every language (lib/carriers/clients.ts)",
  'USPS Tracking 3.0': "a provider's product name",
  'FedEx Track API': "a provider's product name",
  'DHL Shipment Tracking – Unified': "a provider's product name",
  Ship24: "a provider's product name",
  Amazon: "the shop's name, in every language (its tracker's name in lib/view/track-error-text.ts)",
};

/** Properties whose string values are no words of ours, each with why. */
const NOT_OURS: Record<string, string> = {
  portal: "a credential's name as its portal writes it (\"Client ID\"): the shopper copies what the portal shows",
};

const PROSE = /^\p{Lu}\p{Ll}+/u;
/** Words: a letter, a space, a letter ("Arriving today"; not a selector "[data-id] .row" or a URL). */
const isProse = (s: string) => /\p{L} +\p{L}/u.test(s.trim()) || PROSE.test(s.trim());

/** A page the code builds as a string (the claim kit): its tags and style rules are no words, the text between them is judged. */
function wordsOf(s: string): string {
  let text = s.replace(/<[^>]*>/g, ' ');
  for (let before = ''; before !== text; ) text = (before = text).replace(/[^{}]*\{[^{}]*\}/g, ' ');
  return text;
}

interface Finding {
  at: string;
  text: string;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
  return null;
}

/** Where a literal is no text: a type, an import, a property name, a comparison with a key, a console call. */
function exempt(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isLiteralTypeNode(p) || ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p)) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p)) && p.name === node) return true;
  if (ts.isPropertyAssignment(p) && p.initializer === node && ts.isIdentifier(p.name) && p.name.text in NOT_OURS) return true;
  if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
  for (let n: ts.Node | undefined = p; n; n = n.parent) {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === 'console') return true;
    // A CSS class or another attribute the shopper does not read.
    if (ts.isJsxAttribute(n)) return !USER_FACING_ATTRIBUTES.has(n.name.getText());
  }
  return false;
}

function scan(file: string, prose: boolean, text = readFileSync(resolve(ROOT, file), 'utf8')): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const report = (node: ts.Node, s: string) => {
    if (s.trim() in ALLOWED) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ at: `${file}:${line + 1}`, text: s.trim() });
  };
  const inJsx = (node: ts.Node) => {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) if (ts.isJsxExpression(n) || ts.isJsxAttribute(n)) return true;
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (/\p{L}/u.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (/\p{L}/u.test(node.initializer.text)) report(node, node.initializer.text);
    } else {
      const s = literalText(node);
      // (A literal that is an attribute's whole value was judged with its attribute above.)
      if (s !== null && !ts.isJsxAttribute(node.parent) && !exempt(node)) {
        // In JSX: any literal with letters the shopper reads; elsewhere, prose.
        if (inJsx(node) ? /\p{L}/u.test(s) && isProse(s) : prose && isProse(wordsOf(s))) report(node, s);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no user-facing literal outside the messages (issue #13 §2)', () => {
  it('every component and extension page file (.tsx) is in the list: a new one is checked without being remembered', () => {
    const tsx = ['components', 'entrypoints'].flatMap((dir) =>
      readdirSync(resolve(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.tsx'))
        .map((f) => `${dir}/${f.replace(/\\/g, '/')}`),
    );
    expect(tsx.length).toBeGreaterThan(20);
    expect(tsx.filter((f) => !JSX_FILES.includes(f))).toEqual([]);
  });

  it('every module of lib/view/ (the code that builds what the shopper reads) is in the list or exempt with its reason', () => {
    const views = readdirSync(resolve(ROOT, 'lib/view'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `lib/view/${f.replace(/\\/g, '/')}`);
    expect(views.length).toBeGreaterThan(15);
    expect(views.filter((f) => !VIEW_FILES.includes(f) && !(f in VIEW_EXEMPT))).toEqual([]);
  });

  it.each([...JSX_FILES, ...VIEW_FILES])('%s', (file) => {
    const found = scan(file, true);
    expect(found.map((f) => `${f.at}: ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('finds what it looks for (a JSX text, an attribute, prose in view code), and passes keys, classes and codes', () => {
    const scanCode = (name: string, code: string) => scan(`probe/${name}`, true, code).map((f) => f.text);
    expect(scanCode('a.tsx', 'const x = <p class="a b" title="Open it">Hello <b>{t("k")}</b></p>;')).toEqual(['Open it', 'Hello']);
    expect(scanCode('b.ts', "const a = 'Arriving today'; const b = `${n} days late`; const k = t('cardToday'); if (e.key === 'Escape') f('pkg--x');")).toEqual(['Arriving today', 'days late']);
    expect(scanCode('c.ts', "const d = 'Delivered'; type T = 'On the way'; const o = { 'Some key': 1 };")).toEqual(['Delivered']);
    expect(scanCode('d.ts', "const a = `<p class=\"none\">${x}</p>`; const b = 'h1{font:13px sans-serif}@media print{a{color:#000}}'; const c = '<h2>Not received</h2>';")).toEqual(['<h2>Not received</h2>']);
    expect(scanCode('d.ts', "const f = [{ label: { portal: 'Client ID' } }, { label: 'Client ID' }];")).toEqual(['Client ID']);
  });
});
