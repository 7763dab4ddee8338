import type { OptionsDeps } from '../../../entrypoints/options/deps';

/** The options page's file deps in memory: saved files are kept by name; a chosen file is read from its text. */
export function memoryFiles(onClear: () => string[] = () => []) {
  const saved = new Map<string, { type: string; text: string }>();
  const deps: Pick<OptionsDeps, 'saveFile' | 'readFile' | 'clearStorage' | 'storageUsage'> = {
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
  return { saved, deps };
}
