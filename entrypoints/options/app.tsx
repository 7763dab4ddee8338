import { useMemo } from 'preact/hooks';
import { createBrowserDeps } from './browser-deps';
import { OptionsApp } from './options-app';

export function App() {
  const deps = useMemo(createBrowserDeps, []);
  return <OptionsApp deps={deps} />;
}
