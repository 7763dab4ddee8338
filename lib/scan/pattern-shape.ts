/**
 * Which characters a format's pattern allows at each position of a number of a given length
 * (issue #3, "linear scan"): the scanner ANDs these per-position sets over a candidate before it
 * runs any regular expression, so a token that no format can match costs a few table lookups.
 *
 * The sets are derived from each format's own `pattern` (one source of truth, nothing to keep in
 * sync by hand) with a small Thompson-NFA reading of the regex subset the definitions use:
 * literals, `\d`, `\w`, `.`, classes with ranges, groups, alternation, `?` `*` `+` `{n,m}`.
 * Lookarounds are read as "matches anything" and anything not understood makes the whole pattern
 * "any character anywhere", so the sets are always a superset of what the regex accepts: the
 * filter can only skip work, never a number.
 */

/** Characters of normalised numbers: `0`–`9` are 0–9, `A`–`Z` are 10–35. */
export const ALPHABET_SIZE = 36;

/** Index of a character code in the alphabet (lower case folded), or -1 outside it. */
export function alphabetIndex(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (code >= 97 && code <= 122) return code - 87;
  return -1;
}

type CharSet = boolean[];

type Node =
  | { kind: 'set'; set: CharSet }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; alts: Node[] }
  | { kind: 'rep'; node: Node; min: number; max: number }
  | { kind: 'empty' };

const emptySet = (): CharSet => new Array<boolean>(ALPHABET_SIZE).fill(false);
const fullSet = (): CharSet => new Array<boolean>(ALPHABET_SIZE).fill(true);

class Unsupported extends Error {}

/** Parser for the regex subset of format patterns; throws {@link Unsupported} on anything else. */
class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly fold: boolean,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i !== this.src.length) throw new Unsupported();
    return node;
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : { kind: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: same language
    if (max < min || min > 64) throw new Unsupported();
    return { kind: 'rep', node: atom, min, max };
  }

  private atom(): Node {
    const c = this.src[this.i]!;
    if (c === '^') {
      // Only a leading anchor is understood (the pattern must match the whole number).
      if (this.i !== 0) throw new Unsupported();
      this.i++;
      return { kind: 'empty' };
    }
    if (c === '$') {
      if (this.i !== this.src.length - 1) throw new Unsupported();
      this.i++;
      return { kind: 'empty' };
    }
    if (c === '(') return this.group();
    if (c === '[') return { kind: 'set', set: this.charClass() };
    if (c === '.') {
      this.i++;
      return { kind: 'set', set: fullSet() };
    }
    if (c === '\\') {
      this.i++;
      return { kind: 'set', set: this.escape() };
    }
    if ('*+?{}|)'.includes(c)) throw new Unsupported();
    this.i++;
    return { kind: 'set', set: this.literal(c) };
  }

  private group(): Node {
    const rest = this.src.slice(this.i);
    let lookaround = false;
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.i += 3;
      lookaround = true;
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.i += 4;
      lookaround = true;
    } else if (rest.startsWith('(?<')) {
      const m = /^\(\?<[A-Za-z_$][\w$]*>/.exec(rest);
      if (!m) throw new Unsupported();
      this.i += m[0].length;
    } else if (rest.startsWith('(?')) throw new Unsupported();
    else this.i += 1;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Unsupported();
    this.i++;
    // A lookaround consumes nothing; reading it as "always true" keeps the sets a superset.
    return lookaround ? { kind: 'empty' } : inner;
  }

  private charClass(): CharSet {
    this.i++; // [
    let negate = false;
    if (this.src[this.i] === '^') {
      negate = true;
      this.i++;
    }
    const set = emptySet();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let lo: string;
      if (this.src[this.i] === '\\') {
        this.i++;
        const esc = this.src[this.i]!;
        if (!/[\\\][\-^.]/.test(esc)) {
          union(set, this.escape());
          continue;
        }
        this.i++;
        lo = esc;
      } else lo = this.src[this.i++]!;
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        const hi = this.src[this.i + 1]!;
        if (hi === '\\' || hi < lo) throw new Unsupported();
        this.i += 2;
        for (let code = lo.charCodeAt(0); code <= hi.charCodeAt(0); code++) union(set, this.literal(String.fromCharCode(code)));
      } else union(set, this.literal(lo));
    }
    if (this.src[this.i] !== ']') throw new Unsupported();
    this.i++;
    return negate ? set.map((b) => !b) : set;
  }

  /** After a backslash: `\d`, `\w`, `\D`, `\W`, `\s`, `\S` or an escaped punctuation character. */
  private escape(): CharSet {
    const e = this.src[this.i++];
    const digits = emptySet().map((_, k) => k < 10);
    switch (e) {
      case 'd':
        return digits;
      case 'D':
        return digits.map((b) => !b);
      case 'w':
      case 'S':
        return fullSet();
      case 'W':
      case 's':
        return emptySet();
      default:
        if (e !== undefined && /[^A-Za-z0-9]/.test(e)) return this.literal(e);
        throw new Unsupported();
    }
  }

  /** A literal character: itself if it is in the alphabet (upper case, or any case with `i`), else nothing. */
  private literal(ch: string): CharSet {
    const set = emptySet();
    const code = ch.charCodeAt(0);
    const isLower = code >= 97 && code <= 122;
    if (isLower && !this.fold) return set;
    const k = alphabetIndex(code);
    if (k >= 0) set[k] = true;
    return set;
  }
}

function union(into: CharSet, from: CharSet): void {
  for (let k = 0; k < ALPHABET_SIZE; k++) if (from[k]) into[k] = true;
}

/** Thompson NFA: epsilon edges and character-set edges between numbered states. */
class Nfa {
  readonly eps: number[][] = [];
  readonly edges: { from: number; set: CharSet; to: number }[] = [];
  state(): number {
    this.eps.push([]);
    return this.eps.length - 1;
  }
  build(node: Node, start: number): number {
    switch (node.kind) {
      case 'empty':
        return start;
      case 'set': {
        const to = this.state();
        this.edges.push({ from: start, set: node.set, to });
        return to;
      }
      case 'seq':
        return node.items.reduce((s, item) => this.build(item, s), start);
      case 'alt': {
        const end = this.state();
        for (const alt of node.alts) this.eps[this.build(alt, start)]!.push(end);
        return end;
      }
      case 'rep': {
        let cur = start;
        for (let k = 0; k < node.min; k++) cur = this.build(node.node, cur);
        if (node.max === Number.POSITIVE_INFINITY) {
          const loop = this.state();
          this.eps[cur]!.push(loop);
          this.eps[this.build(node.node, loop)]!.push(loop);
          return loop;
        }
        const end = this.state();
        for (let k = node.min; k < node.max; k++) {
          this.eps[cur]!.push(end);
          cur = this.build(node.node, cur);
        }
        this.eps[cur]!.push(end);
        return end;
      }
    }
  }
  closure(states: Set<number>): Set<number> {
    const out = new Set(states);
    const stack = [...states];
    while (stack.length > 0) {
      for (const t of this.eps[stack.pop()!]!) {
        if (!out.has(t)) {
          out.add(t);
          stack.push(t);
        }
      }
    }
    return out;
  }
}

/**
 * For each position of a `length`-character number, the alphabet indices `pattern` may accept
 * there (a superset: `allowed[p][k]`). Every set is full when the pattern is not understood.
 */
export function positionSets(pattern: RegExp, length: number): boolean[][] {
  const any = () => Array.from({ length }, fullSet);
  if (!pattern.source.startsWith('^') || !pattern.source.endsWith('$') || /[^dgimsuy]/.test(pattern.flags)) return any();
  let root: Node;
  try {
    root = new Parser(pattern.source, pattern.flags.includes('i')).parse();
  } catch (e) {
    if (e instanceof Unsupported) return any();
    throw e;
  }
  const nfa = new Nfa();
  const start = nfa.state();
  const accept = nfa.build(root, start);
  // Forward: states reachable after p characters.
  const forward: Set<number>[] = [nfa.closure(new Set([start]))];
  for (let p = 0; p < length; p++) {
    const next = new Set<number>();
    for (const e of nfa.edges) if (forward[p]!.has(e.from)) next.add(e.to);
    forward.push(nfa.closure(next));
  }
  // Backward: states from which the accept state is reached with exactly length - p more characters.
  const backward: Set<number>[] = new Array(length + 1);
  backward[length] = new Set(nfa.eps.map((_, s) => s).filter((s) => nfa.closure(new Set([s])).has(accept)));
  for (let p = length - 1; p >= 0; p--) {
    const into = new Set<number>();
    for (const e of nfa.edges) if (backward[p + 1]!.has(e.to)) into.add(e.from);
    // A state counts if some epsilon path from it reaches a state with such an edge.
    backward[p] = new Set(nfa.eps.map((_, s) => s).filter((s) => [...nfa.closure(new Set([s]))].some((t) => into.has(t))));
  }
  const sets: boolean[][] = [];
  for (let p = 0; p < length; p++) {
    const set = emptySet();
    for (const e of nfa.edges) if (forward[p]!.has(e.from) && backward[p + 1]!.has(e.to)) union(set, e.set);
    sets.push(set);
  }
  return sets;
}
