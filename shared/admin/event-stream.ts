/** One server-sent event: its name and its data line parsed as JSON. */
export interface StreamedEvent {
  event: string;
  data: unknown;
}

/**
 * Reads server-sent events from a streamed answer (`fetch`'s body: an EventSource cannot POST),
 * calling `onEvent` for each complete one as it arrives. Only `event:` and one `data:` line per
 * event are read: what the till's own streams write.
 */
export async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: (event: StreamedEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      const event = field('event');
      const data = field('data');
      if (event !== undefined && data !== undefined) onEvent({ event, data: JSON.parse(data) as unknown });
      end = buffer.indexOf('\n\n');
    }
    if (done) return;
  }
}
