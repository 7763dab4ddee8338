/**
 * What the options page's Sources section says about carriers, in German (issue #13 §2): the
 * how-to steps, the generic field names and choices, an aggregator's name, the verdict of "Test
 * connection" and the limits' names in the usage lines; the portals' own names ("Client ID",
 * "Consumer Key", "Add App") and the products' names stay as the portals write them. And the claim
 * windows' words: Porchlight's in German, a quotation of a policy in its own language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderCard } from '../../../components/options/provider-card';
import { CLAIM_WINDOWS, inWords } from '../../../lib/alerts/claim-windows';
import { remaining, spend, trackWithBudget } from '../../../lib/carriers/budgets';
import { type ConfigurableProviderId, PROVIDER_INFO, testConnection } from '../../../lib/carriers/clients';
import { dhlClient } from '../../../lib/carriers/dhl/api-client';
import { createMemoryTokenCache } from '../../../lib/carriers/http';
import type { ProviderHold } from '../../../lib/db/holds';
import { blankPackage } from '../../../lib/engine/merge';
import { connectionStatus, mergeCredentials, providerCards } from '../../../lib/view/options-sources';
import { buildPopupModel } from '../../../lib/view/popup-model';
import { byLabel, mount, text } from '../options/dom';
import { DE, EN } from '../../support/i18n';

const NOW = Date.parse('2026-03-10T14:30:00Z');
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

const cards = (ui: typeof DE) =>
  providerCards({
    credentials: { ups: { clientId: 'UPS-ID-1', clientSecret: 'sup3r-secret-9876' } },
    disabledProviders: [],
    budgets: { ups: remaining(spend({}, 'ups', NOW - 30_000), 'ups', NOW), dhl: remaining(spend({}, 'dhl', NOW - 30_000), 'dhl', NOW) },
    now: NOW,
    timeZone: 'Europe/Berlin',
    ui,
  });

function card(ui: typeof DE, id: ConfigurableProviderId) {
  const view = cards(ui).find((c) => c.id === id)!;
  const noop = () => {};
  const m = mount(<ProviderCard data={{ t: ui.t, card: view, status: null, errors: {}, busy: false }} actions={{ test: noop, save: async () => true, remove: noop, setEnabled: noop }} />);
  cleanup?.();
  cleanup = m.unmount;
  return m.root;
}

const steps = (root: HTMLElement) => [...root.querySelectorAll('.howto li')].map(text);
const labels = (root: HTMLElement) => [...root.querySelectorAll('.field label')].map(text);

/** A ctx whose network answers every request with `status` (or fails when null). */
const ctx = (status: number | null) => ({
  fetch: async () => (status === null ? Promise.reject(new TypeError('Failed to fetch')) : new Response('{}', { status, headers: { 'content-type': 'application/json' } })),
  now: () => NOW,
  tokens: createMemoryTokenCache(),
});

describe('the Sources cards in German', () => {
  it('UPS: the steps in German with the portal\'s own words, Client ID as UPS writes it, the environment in German', () => {
    const root = card(DE, 'ups');
    expect(text(root.querySelector('h3'))).toBe('UPS Track API');
    expect(steps(root)).toEqual([
      'Melden Sie sich mit einem UPS.com-Konto bei developer.ups.com an.',
      'Apps → Add App; wählen Sie „integrate UPS technology into my business“ und verknüpfen Sie ein UPS-Konto.',
      'Fügen Sie das Produkt „Tracking“ hinzu; kopieren Sie Client ID und Client Secret und fügen Sie sie hier ein.',
    ]);
    expect(labels(root)).toEqual(['Client ID', 'Client Secret', 'Umgebung (optional)']);
    expect([...byLabel<HTMLSelectElement>(root, 'Umgebung').options].map((o) => [o.value, text(o)])).toEqual([
      ['', 'Standard (Produktion)'],
      ['production', 'Produktion'],
      ['test', 'Test'],
    ]);
    expect([...root.querySelectorAll('.budget li')].map(text)).toEqual(['1 von 60 Anfragen pro Minute verbraucht, 59 übrig; wird zurückgesetzt: 15:30 Uhr (in 30 s)']);
  });

  it('the same card in English is as it was', () => {
    const root = card(EN, 'ups');
    expect(steps(root)[1]).toBe('Apps → Add App; choose "integrate UPS technology into my business" and link a UPS account.');
    expect(labels(root)).toEqual(['Client ID', 'Client Secret', 'Environment (optional)']);
    expect([...byLabel<HTMLSelectElement>(root, 'Environment').options].map(text)).toEqual(['Default (production)', 'production', 'test']);
  });

  it('an aggregator: its kind and its generic key name in German; USPS: the API version and the quota step', () => {
    const root = card(DE, '17track');
    expect(text(root.querySelector('h3'))).toBe('17TRACK (Aggregator)');
    expect(labels(root)).toEqual(['API-Schlüssel']);
    expect(steps(root)[2]).toBe('Jede neu verfolgte Nummer verbraucht eine Einheit des Kontingents Ihres Kontos; das Aktualisieren ist kostenlos.');
    expect(byLabel(root, '17TRACK (Aggregator) verwenden').checked).toBe(true);
    const usps = card(DE, 'usps');
    expect(labels(usps)).toEqual(['Consumer Key', 'Consumer Secret', 'API-Version (optional)', 'Umgebung (optional)']);
    expect(steps(usps)[2]).toBe('Das Standardkontingent liegt bei etwa 60 Anfragen pro Stunde; USPS erhöht es auf Anfrage.');
    expect(mergeCredentials(PROVIDER_INFO.ups, { clientId: 'x', clientSecret: 'y', environment: 'staging' }, undefined, DE.t)).toEqual({
      ok: false,
      errors: { environment: 'Umgebung muss einer dieser Werte sein: production, test.' },
    });
  });

  it('no how-to step, field or provider name in German is its English text, except the portals\' own names', () => {
    const en = cards(EN);
    const de = cards(DE);
    const same: string[] = [];
    for (const [i, c] of de.entries()) {
      if (c.name === en[i]!.name) same.push(c.name);
      c.howTo.forEach((k) => DE.t(k) === EN.t(k) && same.push(k));
      c.fields.forEach((f, j) => f.label === en[i]!.fields[j]!.label && same.push(f.label));
    }
    expect(same).toEqual(['UPS Track API', 'Client ID', 'Client Secret', 'USPS Tracking 3.0', 'Consumer Key', 'Consumer Secret', 'FedEx Track API', 'API Key', 'Secret Key', 'DHL Shipment Tracking – Unified', 'Consumer Key']);
  });
});

describe('"Test connection" in German', () => {
  it('says each verdict in German with the provider\'s name; the service\'s own error as it came', async () => {
    const refused = await testConnection('dhl', { apiKey: 'k' }, ctx(401), DE.t);
    expect(refused).toMatchObject({ ok: false, message: 'DHL Shipment Tracking – Unified: Die Zugangsdaten wurden abgelehnt. Prüfen Sie sie und ob die App das Tracking-Produkt enthält.' });
    expect(connectionStatus(refused, DE.t)).toMatchObject({ tone: 'bad', label: 'Zugangsdaten abgelehnt (auth)' });
    const accepted = await testConnection('dhl', { apiKey: 'k' }, ctx(404), DE.t);
    expect(accepted).toMatchObject({ ok: true, message: 'DHL Shipment Tracking – Unified: verbunden, Zugangsdaten akzeptiert.' });
    const offline = await testConnection('ship24', { apiKey: 'k' }, ctx(null), DE.t);
    expect(offline.message).toMatch(/^Ship24 \(Aggregator\): Der Dienst war nicht erreichbar \(.+\)\.$/);
    expect((await testConnection('ship24', { apiKey: 'k' }, ctx(null), EN.t)).message).toMatch(/^Ship24 \(aggregator\): could not reach the service \(.+\)\.$/);
  });
});

describe('claim windows in German', () => {
  it('what a window is for and its note in German; the quoted policy stays in its language', () => {
    const ups = inWords(CLAIM_WINDOWS.find((w) => w.id === 'ups-lost-investigation')!, DE.t);
    expect(ups).toMatchObject({ title: 'UPS-Nachforschung nach einem verlorenen Paket', appliesTo: 'Verlorene UPS-Pakete (vom Versender beantragt)' });
    expect(ups.note).toBe('„Must be requested within nine months of a package\'s scheduled delivery date“ (neun Monate, als 274 Tage gezählt).');
    const en = inWords(CLAIM_WINDOWS.find((w) => w.id === 'ups-lost-investigation')!, EN.t);
    expect(en.note).toBe('"Must be requested within nine months of a package\'s scheduled delivery date" (nine months counted as 274 days).');
    for (const w of CLAIM_WINDOWS) {
      const [de, english] = [inWords(w, DE.t), inWords(w, EN.t)];
      expect([de.appliesTo === english.appliesTo, de.note === english.note], w.id).toEqual([false, false]);
    }
  });
});

describe("a request Porchlight's budget refused, in the popup's banner", () => {
  it('names the limit in German, and the provider by its name in both languages (the stored message has its id)', async () => {
    // DHL's 1 request a second is spent: the next request is not sent, and the round holds DHL.
    const refused = await trackWithBudget(dhlClient, ['00340434161094042557'], { apiKey: 'k' }, ctx(200), spend({}, 'dhl', NOW));
    if (refused.outcome.ok) throw new Error('expected the budget to refuse');
    const error = refused.outcome.error;
    expect(error.budget).toEqual({ limit: 'budgetRequestsPerSecond', used: 1, max: 1 });
    // As lib/services/refresh-round.ts writes the hold and marks the provider's parcel.
    const hold: ProviderHold = { until: NOW + 1000, reason: error.kind, message: error.message, budget: error.budget! };
    const pkg = { ...blankPackage({ id: 'p1', carrier: 'dhl', trackingNumber: '00340434161094042557', status: 'in_transit', nextCheckAt: NOW + 1000 }, NOW), lastError: { kind: error.kind, message: error.message, at: NOW } };
    const banner = (ui: typeof DE) => buildPopupModel({ packages: [pkg], orders: [], alerts: [], holds: { dhl: hold }, now: NOW, timeZone: 'Europe/Berlin', ui }).banners.map((b) => b.text);
    expect(banner(DE)).toEqual(['DHL: Limit für Anfragen pro Sekunde erreicht (1/1); Anfrage nicht gesendet (1 Paket wartet)']);
    expect(banner(EN)).toEqual(['DHL: requests per second used up (1/1); not sent (1 package waiting)']);
    expect(error.message).toBe('dhl: requests per second used up (1/1); not sent');
  });
});
