// The real SMTP server the browser tests' Consentry delivers to (aiosmtpd, started by
// playwright.config.ts), read from its maildir: what a data subject would find in their inbox.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';

const maildir = join(process.env.E2E_DATA_DIR ?? '/tmp/consentry-e2e', 'mail', 'new');

/** One delivered message: who it went to, its subject and its plain-text body, decoded. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Splits a MIME entity into its (unfolded, lower-cased) headers and its body. */
function entity(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The text/plain part of a message, transfer encoding undone. */
function plainText(raw: string): string {
  const { headers, body } = entity(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = type.match(/boundary="?([^";]+)"?/)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const text = plainText(part.replace(/^\r?\n/, ''));
      if (text) return text;
    }
    return '';
  }
  if (!type.startsWith('text/plain')) return '';
  switch ((headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

function delivered(): Mail[] {
  let names: string[];
  try {
    names = readdirSync(maildir);
  } catch {
    return [];
  }
  return names.map((name) => {
    const raw = readFileSync(join(maildir, name), 'utf8');
    const { headers } = entity(raw);
    return { to: headers.get('to') ?? '', subject: headers.get('subject') ?? '', text: plainText(raw) };
  });
}

/** Waits for a message to `address` whose text matches `pattern`, and returns the match. */
export async function mailTo(address: string, pattern: RegExp): Promise<RegExpMatchArray> {
  let found: RegExpMatchArray | null = null;
  await expect
    .poll(
      () => {
        for (const mail of delivered()) {
          const match = mail.to.includes(address) ? mail.text.match(pattern) : null;
          if (match) {
            found = match;
            return true;
          }
        }
        return false;
      },
      { message: `a mail to ${address} matching ${pattern}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}
