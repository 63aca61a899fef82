import { describe, expect, it } from 'vitest';
import { countedDownload, fileNameOf, lineEnds, type DownloadProgress } from './counted-download.js';

const encoder = new TextEncoder();

/** A response streamed in these chunks, as the till sends the movements export. */
function streamed(chunks: string[], headers: Record<string, string>): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers });
}

describe('countedDownload', () => {
  it('reports the rows as each chunk arrives and returns the whole file', async () => {
    const chunks = ['\ufeffВремя;Сумма\r\n', '01.11.2026 10:00:00;1,00\r\n02.11.2026 10:00:00;2,00\r\n', '03.11.2026 10:00:00;3,00\r\n'];
    const seen: DownloadProgress[] = [];
    const result = await countedDownload('/x', (progress) => seen.push(progress), () =>
      Promise.resolve(streamed(chunks, { 'x-rows-total': '3', 'content-disposition': 'attachment; filename="cash-movements-2026-11-01.csv"' })),
    );
    expect(seen.map((p) => p.rows)).toEqual([0, 0, 2, 3]);
    expect(seen.every((p) => p.total === 3)).toBe(true);
    expect(result.rows).toBe(3);
    expect(result.fileName).toBe('cash-movements-2026-11-01.csv');
    // Byte for byte, the BOM too (Blob.text() would drop it while decoding).
    expect(new Uint8Array(await result.blob.arrayBuffer())).toEqual(encoder.encode(chunks.join('')));
  });

  it('fails a download that stopped short of the announced total, or was refused', async () => {
    const short = () => Promise.resolve(streamed(['h\r\n', 'a\r\n'], { 'x-rows-total': '2' }));
    await expect(countedDownload('/x', () => undefined, short)).rejects.toThrow('after 1 of 2 rows');
    await expect(countedDownload('/x', () => undefined, () => Promise.resolve(new Response('no', { status: 400 })))).rejects.toThrow('400');
  });
});

describe('lineEnds and fileNameOf', () => {
  it('count line ends in UTF-8 bytes and read the file name', () => {
    expect(lineEnds(encoder.encode('Анна;1\r\nБорис;2\r\n'))).toBe(2);
    expect(fileNameOf(null, 'export.csv')).toBe('export.csv');
    expect(fileNameOf('attachment; filename="a.csv"', 'export.csv')).toBe('a.csv');
  });
});
