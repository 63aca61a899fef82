import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, PROTOCOL_DOCUMENT, PROTOCOL_SECTIONS } from './openapi.js';
import { servedRoutes } from '../../testing/waiter-routes.js';

/** docs/protocol.md, the OpenAPI document and the waiter router must name the same calls. */

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const protocol = readFileSync(path.join(ROOT, PROTOCOL_DOCUMENT), 'utf8');

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
const slugOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** Each heading's anchor → the text under it, up to the next heading. */
function sectionsOf(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^#{2,4} (.+)$/m);
  for (let i = 1; i < parts.length; i += 2) sections.set(slugOf(parts[i] as string), parts[i + 1] ?? '');
  return sections;
}

const sections = sectionsOf(protocol);

type Operations = Record<string, Record<string, { externalDocs?: { url: string }; 'x-iikowaiter-vendor'?: boolean }>>;
const document = buildOpenApiDocument('/GetMeBack', '0.0.0-test') as { paths: Operations };

describe(`${PROTOCOL_DOCUMENT} and the waiter router`, () => {
  it.each(servedRoutes())('%s has a section that names the call and says who documents it', (route) => {
    const link = PROTOCOL_SECTIONS[route];
    expect(link, `${route}: add it to PROTOCOL_SECTIONS in openapi.ts and give it a section in ${PROTOCOL_DOCUMENT}`).toBeDefined();
    const text = sections.get(link?.section ?? '');
    expect(text, `${PROTOCOL_DOCUMENT} has no heading for #${link?.section}`).toBeDefined();
    const [method, routePath] = route.split(' ') as [string, string];
    expect(text).toContain(`**Call:** \`${method.toUpperCase()} ${routePath}\``);
    expect(text).toContain(link?.vendor ? "**documented by iikoWaiter's vendor" : "**this till's extension.**");
  });

  it('names no call the router does not serve', () => {
    const named = [...protocol.matchAll(/\*\*Call:\*\* `(\w+) ([^`]+)`/g)].map(([, method, routePath]) => `${method?.toLowerCase()} ${routePath}`);
    expect(named.sort()).toEqual(servedRoutes());
    expect(Object.keys(PROTOCOL_SECTIONS).sort()).toEqual(servedRoutes());
  });

  it('counts only the check-in and its unbind as documented by iikoWaiter’s vendor', () => {
    const vendor = Object.entries(PROTOCOL_SECTIONS).filter(([, link]) => link.vendor).map(([route]) => route);
    expect(vendor.sort()).toEqual(['delete /orders/{orderId}/checkin', 'post /orders/{orderId}/checkin']);
  });

  it('links every OpenAPI operation to its section', () => {
    for (const [routePath, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const link = PROTOCOL_SECTIONS[`${method} ${routePath}`];
        expect(operation.externalDocs?.url, `${method} ${routePath}`).toBe(`${PROTOCOL_DOCUMENT}#${link?.section}`);
        expect(operation['x-iikowaiter-vendor'], `${method} ${routePath}`).toBe(link?.vendor);
      }
    }
  });

  it('has no link to an anchor or a file that does not exist', () => {
    for (const [, target] of protocol.matchAll(/\]\(([^)\s]+)\)/g)) {
      const [file, anchor] = (target as string).split('#') as [string, string | undefined];
      if (/^https?:/.test(file)) continue;
      if (file === '') expect(sections.has(anchor ?? ''), `#${anchor}`).toBe(true);
      else expect(existsSync(path.join(ROOT, 'docs', file)), file).toBe(true);
    }
  });
});

describe('README.md', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it(`links ${PROTOCOL_DOCUMENT} and nothing outside the repository`, () => {
    expect(readme).toContain(`](${PROTOCOL_DOCUMENT})`);
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => (target as string).split('#')[0] as string);
    for (const target of targets.filter((t) => t !== '' && !/^https?:/.test(t))) {
      expect(path.resolve(ROOT, target).startsWith(`${ROOT}${path.sep}`), target).toBe(true);
      expect(existsSync(path.join(ROOT, target)), target).toBe(true);
    }
    expect(readme).not.toMatch(/PROTOCOL\.md|\.\.\/shared/);
  });
});
