import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * A self-signed certificate for the loopback servers, generated on first use and cached in `.cache/`.
 * amazon.com is HSTS-preloaded, so the demo shop and the E2E pages must be served over HTTPS
 * (Chromium is started with --ignore-certificate-errors; see docs/toolchain.md §9).
 */
export async function loopbackTls(dir = '.cache/tls'): Promise<{ key: string; cert: string }> {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  // Reused while it has more than a day left (the demo and tests start often).
  if (existsSync(keyFile) && existsSync(certFile) && Date.now() - statSync(certFile).mtimeMs < 28 * 86_400_000) {
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  }
  const pems = await generate([{ name: 'commonName', value: 'porchlight.localhost' }], {
    notAfterDate: new Date(Date.now() + 30 * 86_400_000),
    keySize: 2048,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: ['www.amazon.com', 'api.demo-carrier.test', 'localhost'].map((value) => ({ type: 2, value })),
      },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, pems.private);
  writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}
