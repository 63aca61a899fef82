import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/settings/schema.js';
import { comparable, expected, readConversation, seedFileOf, send } from '../testing/conversation.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * Replays every recorded conversation in docs/conversations/ against a fresh till, one request after
 * another, and compares each answer with the one recorded. Adding a capture of real iikoWaiter
 * traffic is adding a file there.
 */

const DIR = path.resolve(import.meta.dirname, '../../../docs/conversations');
const files = readdirSync(DIR).filter((name) => name.endsWith('.json')).sort();

it('docs/conversations/ holds at least the user guide’s story', () => {
  expect(files).toContain('user-guide-story.json');
});

describe.each(files)('%s', (file) => {
  const conversation = readConversation(path.join(DIR, file));
  const scratch = mkdtempSync(path.join(tmpdir(), 'gmb-conversation-'));
  let till: TestTill;

  beforeAll(async () => {
    const seedFile = seedFileOf(conversation, scratch);
    till = await startTestTill({
      settings: conversation.settings as Partial<Settings> | undefined,
      ...(seedFile ? { seedFile, demoBook: false } : {}),
    });
  });
  afterAll(async () => {
    await till.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  // One test per conversation: its exchanges build on each other, so the first difference ends it.
  it(conversation.title, async () => {
    for (const [index, exchange] of conversation.exchanges.entries()) {
      const what = `exchange ${index + 1}: ${exchange.request.method} ${exchange.request.path}${exchange.note ? ` (${exchange.note})` : ''}`;
      const answer = await send(till, exchange);
      expect(comparable(answer), what).toEqual(expected(exchange, answer));
      if (exchange.response.body === undefined) expect(answer.text, what).toBe('');
      for (const [name, value] of Object.entries(exchange.response.headers ?? {})) {
        expect(answer.headers.get(name), `${what}: header ${name}`).toBe(value);
      }
    }
  });
});
