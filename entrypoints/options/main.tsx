import { render } from 'preact';
import { browserText } from '@/lib/platform/i18n';
import { App } from './app';

// The page's language is the messages' (issue #13 §2; WCAG 3.1.1): a screen reader reads German
// words with a German voice, and the browser hyphenates and spell-checks them as German.
document.documentElement.lang = browserText().locale;
render(<App />, document.getElementById('app')!);
