/** How far a streamed CSV has come: data rows received (the header line not counted) of the total the till announced. */
export interface DownloadProgress {
  rows: number;
  total: number | null;
}

const NEWLINE = 0x0a;

/** Line ends in a chunk of bytes (a line of UTF-8 text never holds the byte 0x0A but at its end). */
export function lineEnds(chunk: Uint8Array): number {
  let count = 0;
  for (const byte of chunk) if (byte === NEWLINE) count++;
  return count;
}

/** `cash-movements-2026-11-27.csv` from `attachment; filename="…"`, or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Reads a CSV the till streams, reporting the rows as they arrive (never a frozen screen), and
 * returns it whole for saving. The total comes from the till's `X-Rows-Total` header.
 */
export async function countedDownload(
  url: string,
  onProgress: (progress: DownloadProgress) => void,
  fetcher: (url: string) => Promise<Response> = (target) => fetch(target),
): Promise<{ blob: Blob; fileName: string; rows: number }> {
  const response = await fetcher(url);
  if (!response.ok || !response.body) throw new Error(`the export answered ${response.status}`);
  const totalHeader = response.headers.get('x-rows-total');
  const total = totalHeader === null ? null : Number(totalHeader);
  const parts: Uint8Array[] = [];
  let lines = 0;
  const reader = response.body.getReader();
  onProgress({ rows: 0, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    lines += lineEnds(value);
    onProgress({ rows: Math.max(0, lines - 1), total });
  }
  const rows = Math.max(0, lines - 1);
  if (total !== null && rows !== total) throw new Error(`the export ended after ${rows} of ${total} rows`);
  return { blob: new Blob(parts as BlobPart[], { type: 'text/csv;charset=utf-8' }), fileName: fileNameOf(response.headers.get('content-disposition'), 'export.csv'), rows };
}
