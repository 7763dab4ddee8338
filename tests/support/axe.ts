/**
 * axe-core for the E2E tiers (issue #13 §1): its source, injected with the driver's evaluate (which
 * the extension pages' CSP does not govern), and the run both browsers use, WCAG 2.0–2.2 A and AA.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Runs in the page (passed to evaluate with WCAG_TAGS): axe on the whole document, violations only. */
export const runAxe = async (tags: string[]): Promise<Violation[]> => {
  const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
  const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })) }));
};

/** One line per failing node. */
export const violationLines = (where: string, violations: Violation[]): string[] =>
  violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} [${v.impact}] ${v.help} at ${n.target}: ${n.summary}`));
