import type { ComponentChild } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertThresholdsSection } from '../../../components/options/alert-thresholds-section';
import { DiagnosticsSection } from '../../../components/options/diagnostics-section';
import { NotificationsSection } from '../../../components/options/notifications-section';
import { SourcesSection } from '../../../components/options/sources-section';
import { WebmailSection } from '../../../components/options/webmail-section';
import { DEFAULT_ALERT_SETTINGS } from '../../../lib/alerts/settings';
import { remaining, spend } from '../../../lib/carriers/budgets';
import { DEFAULT_NOTIFY_SETTINGS } from '../../../lib/notify/settings';
import { diagnosticViews } from '../../../lib/view/options-diagnostics';
import { providerCards } from '../../../lib/view/options-sources';
import { webmailInfo } from '../../../lib/view/options-webmail';
import { EN } from '../../support/i18n';
import { button, byLabel, click, mount, text, toggle, type, waitFor } from './dom';

const NOW = Date.parse('2026-03-10T14:30:00Z');
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});
function show(node: ComponentChild) {
  const m = mount(node);
  cleanup = m.unmount;
  return m.root;
}

function sourcesActions() {
  return {
    setAmazonTracker: vi.fn(),
    test: vi.fn(),
    save: vi.fn(async () => true),
    remove: vi.fn(),
    setEnabled: vi.fn(),
  };
}

function sourcesData(over: Partial<Parameters<typeof SourcesSection>[0]['data']> = {}) {
  return {
    t: EN.t,
    amazonTracker: true,
    cards: providerCards({
      credentials: { dhl: { apiKey: 'dhl-key-abcdefgh-7788' } },
      disabledProviders: ['ups'],
      budgets: { dhl: remaining(spend({}, 'dhl', NOW - 1000 * 60 * 60), 'dhl', NOW) },
      now: NOW,
      timeZone: 'UTC',
      ui: EN,
    }),
    status: {},
    errors: {},
    busy: {},
    ...over,
  };
}

const card = (root: HTMLElement, id: string) => root.querySelector(`[data-provider="${id}"]`) as HTMLElement;

describe('SourcesSection', () => {
  it('each card has its polite region before any result, and a refusal inside it is an alert (issue #13)', () => {
    const root = show(<SourcesSection data={sourcesData()} actions={sourcesActions()} />);
    const region = card(root, 'ups').querySelector('.status-slot')!;
    expect([region.getAttribute('role'), text(region)]).toEqual(['status', '']);
  });
  it('says the extension works with no keys, and shows one card per provider in order', () => {
    const root = show(<SourcesSection data={sourcesData()} actions={sourcesActions()} />);
    expect(text(root.querySelector('.intro'))).toBe(EN.t('optionsSourcesNoKeys'));
    expect([...root.querySelectorAll('[data-provider]')].map((e) => e.getAttribute('data-provider'))).toEqual(['ups', 'usps', 'fedex', 'dhl', '17track', 'ship24']);
    expect(text(root.querySelector('h3'))).toBe('UPS Track API');
  });

  it('links to the sign-up page in a new tab without an opener', () => {
    const root = show(<SourcesSection data={sourcesData()} actions={sourcesActions()} />);
    const a = card(root, 'fedex').querySelector('a')!;
    expect([a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel'), text(a)]).toEqual([
      'https://developer.fedex.com/',
      '_blank',
      'noopener noreferrer',
      'Open developer.fedex.com',
    ]);
    expect([...card(root, 'fedex').querySelectorAll('.howto li')].map(text)[1]).toBe('Create a project for the Track API alone (it cannot share a project with other APIs).');
  });

  it('uses password inputs for secrets and never shows a saved secret in full', () => {
    const root = show(<SourcesSection data={sourcesData()} actions={sourcesActions()} />);
    const dhl = card(root, 'dhl');
    const key = byLabel(dhl, 'Consumer Key');
    expect(key.type).toBe('password');
    expect(key.value).toBe('');
    expect(text(dhl.querySelector('.saved'))).toBe('saved ••••7788');
    expect(root.innerHTML).not.toContain('dhl-key-abcdefgh');
    expect(byLabel(card(root, 'ups'), 'Client ID').type).toBe('text');
    expect(byLabel(card(root, 'ups'), 'Client Secret').type).toBe('password');
  });

  it('passes what was typed to test and save, and clears the secret after a save', async () => {
    const actions = sourcesActions();
    const root = show(<SourcesSection data={sourcesData()} actions={actions} />);
    const ups = card(root, 'ups');
    type(byLabel(ups, 'Client ID'), 'my-id');
    type(byLabel(ups, 'Client Secret'), 'my-secret');
    type(byLabel<HTMLSelectElement>(ups, 'Environment'), 'test', 'change');
    click(button(ups, 'Test connection'));
    expect(actions.test).toHaveBeenCalledWith('ups', { clientId: 'my-id', clientSecret: 'my-secret', environment: 'test' });
    click(button(ups, 'Save'));
    expect(actions.save).toHaveBeenCalledWith('ups', { clientId: 'my-id', clientSecret: 'my-secret', environment: 'test' });
    await waitFor(() => expect(byLabel(ups, 'Client Secret').value).toBe(''));
    expect(byLabel(ups, 'Client ID').value).toBe('my-id');
  });

  it('Remove works only for a configured provider; the switch turns a provider off and on', () => {
    const actions = sourcesActions();
    const root = show(<SourcesSection data={sourcesData()} actions={actions} />);
    expect(button(card(root, 'usps'), 'Remove').disabled).toBe(true);
    click(button(card(root, 'dhl'), 'Remove'));
    expect(actions.remove).toHaveBeenCalledWith('dhl');
    const upsSwitch = byLabel(card(root, 'ups'), 'Use UPS Track API');
    expect(upsSwitch.checked).toBe(false);
    expect(text(card(root, 'ups').querySelector('.badge'))).toBe('Not set up');
    toggle(upsSwitch, true);
    expect(actions.setEnabled).toHaveBeenCalledWith('ups', true);
    toggle(byLabel(card(root, 'dhl'), 'Use DHL'), false);
    expect(actions.setEnabled).toHaveBeenLastCalledWith('dhl', false);
  });

  it('shows the budget of a configured provider', () => {
    const root = show(<SourcesSection data={sourcesData()} actions={sourcesActions()} />);
    expect([...card(root, 'dhl').querySelectorAll('.budget li')].map(text)).toEqual([
      '0 of 1 requests per second used, 1 left',
      '1 of 250 requests per day used, 249 left; resets 00:00 (in 9 h 30 min)',
    ]);
    expect(card(root, 'ups').querySelector('.budget')).toBeNull();
  });

  it('shows a test result, field errors, and the busy state', () => {
    const root = show(
      <SourcesSection
        data={sourcesData({
          status: { dhl: { tone: 'bad', label: 'Credentials refused (auth)', message: 'DHL: the credentials were refused.' } },
          errors: { ups: { clientId: 'Client ID is required.' } },
          busy: { fedex: true },
        })}
        actions={sourcesActions()}
      />,
    );
    const status = card(root, 'dhl').querySelector('.status')!;
    expect([status.getAttribute('role'), text(status)]).toEqual(['alert', 'Credentials refused (auth) DHL: the credentials were refused.']);
    const id = byLabel(card(root, 'ups'), 'Client ID');
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(text(card(root, 'ups').querySelector('.field__error'))).toBe('Client ID is required.');
    expect(button(card(root, 'fedex'), 'Save').disabled).toBe(true);
    expect(text(card(root, 'fedex').querySelector('.status'))).toBe('Working…');
  });

  it('renders provider text as text, never HTML', () => {
    const data = sourcesData();
    data.status = { ups: { tone: 'bad', label: 'Service error', message: '<img src=x onerror=alert(1)>' } };
    const root = show(<SourcesSection data={data} actions={sourcesActions()} />);
    expect(root.querySelector('img')).toBeNull();
    expect(text(card(root, 'ups').querySelector('.status__message'))).toBe('<img src=x onerror=alert(1)>');
  });

  it('Amazon tracker switch', () => {
    const actions = sourcesActions();
    const root = show(<SourcesSection data={sourcesData()} actions={actions} />);
    const sw = byLabel(root, 'Amazon’s own tracker');
    expect(sw.checked).toBe(true);
    toggle(sw, false);
    expect(actions.setAmazonTracker).toHaveBeenCalledWith(false);
  });

  it('every input has a label', () => {
    const root = show(<SourcesSection data={sourcesData()} actions={sourcesActions()} />);
    for (const el of root.querySelectorAll('input, select')) {
      expect(root.querySelector(`label[for="${el.id}"]`), el.id).not.toBeNull();
    }
  });
});

describe('NotificationsSection', () => {
  it('has the master switch, one plain-English switch per kind, quiet hours and grouping', () => {
    const change = vi.fn();
    const root = show(<NotificationsSection data={{ t: EN.t, settings: DEFAULT_NOTIFY_SETTINGS, error: null }} actions={{ change }} />);
    expect(byLabel(root, 'Show desktop notifications').checked).toBe(true);
    expect(root.querySelectorAll('[id^="notify-kind-"]').length).toBe(11);
    toggle(byLabel(root, 'A parcel was delivered'), false);
    expect(change).toHaveBeenLastCalledWith({ field: 'kind', kind: 'delivered', value: false });
    toggle(byLabel(root, 'Show desktop notifications'), false);
    expect(change).toHaveBeenLastCalledWith({ field: 'enabled', value: false });
    expect(byLabel(root, 'From').value).toBe('22:00');
    expect(byLabel(root, 'to').value).toBe('07:00');
    type(byLabel(root, 'From'), '21:30', 'change');
    expect(change).toHaveBeenLastCalledWith({ field: 'quietStart', value: '21:30' });
    toggle(byLabel(root, 'Critical alerts'), true);
    expect(change).toHaveBeenLastCalledWith({ field: 'critical', value: true });
    expect(byLabel(root, 'Group into one notification').value).toBe('3');
    type(byLabel(root, 'Group into one notification'), '6', 'change');
    expect(change).toHaveBeenLastCalledWith({ field: 'groupAbove', value: '6' });
  });

  it('disables the time inputs while quiet hours are off, keeping the times shown', () => {
    const change = vi.fn();
    const root = show(<NotificationsSection data={{ t: EN.t, settings: { ...DEFAULT_NOTIFY_SETTINGS, quietHours: null }, error: 'Enter a number.' }} actions={{ change }} />);
    expect(byLabel(root, 'Hold notifications during quiet hours').checked).toBe(false);
    expect(byLabel(root, 'From').disabled).toBe(true);
    expect(byLabel(root, 'From').value).toBe('22:00');
    toggle(byLabel(root, 'Hold notifications during quiet hours'), true);
    expect(change).toHaveBeenLastCalledWith({ field: 'quietEnabled', value: true });
    expect(text(root.querySelector('[role="alert"]'))).toBe('Enter a number.');
  });
});

describe('AlertThresholdsSection', () => {
  it('shows every threshold and reports what is typed', () => {
    const change = vi.fn();
    const root = show(<AlertThresholdsSection data={{ t: EN.t, settings: DEFAULT_ALERT_SETTINGS, errors: {}, warnings: [] }} actions={{ change }} />);
    expect(byLabel(root, 'In customs').value).toBe('5');
    expect(byLabel(root, 'International parcels').value).toBe('20');
    expect(byLabel(root, 'Hours after the expected day').value).toBe('0');
    type(byLabel(root, 'Domestic parcels'), '10', 'change');
    expect(change).toHaveBeenCalledWith('lost.domestic', '10', true);
  });
  it('shows errors and warnings', () => {
    const root = show(
      <AlertThresholdsSection
        data={{ t: EN.t, settings: DEFAULT_ALERT_SETTINGS, errors: { 'stalled.customs': 'Enter a number from 0.5 to 90.' }, warnings: ['Domestic parcels would count as lost (2 days) before stalled (4 days).'] }}
        actions={{ change: vi.fn() }}
      />,
    );
    expect(text(root.querySelector('.field__error'))).toBe('Enter a number from 0.5 to 90.');
    expect(byLabel(root, 'In customs').getAttribute('aria-invalid')).toBe('true');
    expect(text(root.querySelector('.status--warn'))).toBe('Domestic parcels would count as lost (2 days) before stalled (4 days).');
  });
});

describe('WebmailSection', () => {
  it('one switch per webmail, a message when one stayed off', () => {
    const setEnabled = vi.fn();
    const root = show(
      <WebmailSection
        data={{ t: EN.t, providers: [webmailInfo('gmail', EN.t), webmailInfo('outlook', EN.t)], enabled: { gmail: false, outlook: true }, busy: {}, messages: { gmail: 'Gmail scanning stays off.' } }}
        actions={{ setEnabled }}
      />,
    );
    expect(byLabel(root, 'Scan Gmail').checked).toBe(false);
    expect(byLabel(root, 'Scan Outlook on the web').checked).toBe(true);
    expect(text(root.querySelector('[data-webmail="gmail"] [role="alert"]'))).toBe('Gmail scanning stays off.');
    toggle(byLabel(root, 'Scan Gmail'), true);
    expect(setEnabled).toHaveBeenCalledWith('gmail', true);
    toggle(byLabel(root, 'Scan Outlook on the web'), false);
    expect(setEnabled).toHaveBeenLastCalledWith('outlook', false);
  });
});

describe('DiagnosticsSection', () => {
  it('empty state', () => {
    const actions = { copyReport: vi.fn(), clear: vi.fn() };
    const root = show(<DiagnosticsSection data={{ t: EN.t, rows: [], message: null }} actions={actions} />);
    expect(text(root.querySelector('.empty'))).toBe('No problems recorded.');
    expect(button(root, 'Clear').disabled).toBe(true);
    click(button(root, 'Copy for a bug report'));
    expect(actions.copyReport).toHaveBeenCalledTimes(1);
  });
  it('lists records newest first as text, with copy and clear', () => {
    const actions = { copyReport: vi.fn(), clear: vi.fn() };
    const rows = diagnosticViews(
      [
        { id: 1, at: NOW - 60_000, shop: 'amazon', host: 'www.amazon.com', pageKind: 'order-history', code: 'fewer-orders', message: 'read 7 of 10', layout: 'v2024', expected: 10, found: 7 },
        { id: 2, at: NOW, shop: 'amazon', host: 'www.amazon.de', pageKind: 'track', code: 'unknown-layout', message: '<script>x</script>', layout: null, expected: null, found: null },
      ],
      'UTC',
      EN,
    );
    const root = show(<DiagnosticsSection data={{ t: EN.t, rows, message: 'Diagnostics cleared.' }} actions={actions} />);
    expect([...root.querySelectorAll('.diagnostic code')].map(text)).toEqual(['unknown-layout', 'fewer-orders']);
    expect(root.querySelector('.diagnostic script')).toBeNull();
    expect(text(root.querySelector('.diagnostic__message'))).toBe('<script>x</script>');
    expect(text(root.querySelectorAll('.diagnostic__details')[0] ?? null)).toBe('layout v2024 · expected 10, found 7');
    expect(text(root.querySelector('[role="status"]'))).toBe('Diagnostics cleared.');
    click(button(root, 'Clear'));
    expect(actions.clear).toHaveBeenCalledTimes(1);
  });
});
