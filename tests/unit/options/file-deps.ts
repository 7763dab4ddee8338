import type { OptionsDeps } from '../../../entrypoints/options/deps';

/** The options page's file deps in memory: saved files are kept by name; a chosen file is read from its text. */
export function memoryFiles(onClear: () => string[] = () => []) {
  const saved = new Map<string, { type: string; text: string }>();
  const tracked: { number: string; carrier: string | null }[] = [];
  const deps: Pick<OptionsDeps, 'saveFile' | 'readFile' | 'clearStorage' | 'storageUsage' | 'trackNumbers'> = {
    async trackNumbers(numbers) {
      const before = tracked.length;
      for (const n of numbers) if (!tracked.some((t) => t.number === n.number)) tracked.push(n);
      return { added: tracked.length - before, known: numbers.length - (tracked.length - before) };
    },
    async saveFile(name, type, chunks) {
      let text = '';
      for await (const c of chunks) text += c;
      saved.set(name, { type, text });
      return new TextEncoder().encode(text).length;
    },
    readFile: (file) =>
      async function* () {
        yield await file.text();
      },
    clearStorage: async () => onClear(),
    storageUsage: async () => null,
  };
  return { saved, tracked, deps };
}
