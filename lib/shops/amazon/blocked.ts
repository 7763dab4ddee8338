/**
 * Pages that stand between us and the orders: Amazon's sign-in form and its robot check (captcha).
 * A background refresh that lands on one must stop and back off, never retry in a tight loop (issue #4 §6).
 * Markers: sign-in `/ap/signin` form (`form[name=signIn]`, `#ap_email`, `#ap_password`); robot check
 * `/errors/validateCaptcha` form with `#captchacharacters`.
 */

type BlockedKind = 'sign-in' | 'robot-check';

// Cheap lookups only (ids and the document's few forms): this runs on every order page before reading it.
function formMatches(doc: Document, test: (f: HTMLFormElement) => boolean): boolean {
  const forms = doc.forms;
  for (let i = 0; i < forms.length; i++) if (test(forms[i]!)) return true;
  return false;
}

function isSignInPage(doc: Document, url?: URL): boolean {
  if (url && /^\/ap\/(signin|mfa|cvf)/.test(url.pathname)) return true;
  if (doc.getElementById('ap_password') || doc.getElementById('ap_email_login') || doc.getElementById('ap_login_form')) return true;
  return formMatches(doc, (f) => f.getAttribute('name') === 'signIn' || (f.getAttribute('action') ?? '').includes('/ap/signin'));
}

function isRobotCheck(doc: Document, url?: URL): boolean {
  if (url && /^\/errors\/validateCaptcha/.test(url.pathname)) return true;
  if (doc.getElementById('captchacharacters')) return true;
  if (formMatches(doc, (f) => (f.getAttribute('action') ?? '').includes('validateCaptcha'))) return true;
  const title = doc.title?.trim().toLowerCase() ?? '';
  return title === 'robot check' || title === 'amazon.com: robot check';
}

/** Which block a page is, or null for an ordinary page. */
export function detectBlockedPage(doc: Document, url?: URL): BlockedKind | null {
  if (isRobotCheck(doc, url)) return 'robot-check';
  if (isSignInPage(doc, url)) return 'sign-in';
  return null;
}
