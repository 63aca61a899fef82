import { useEffect, useState } from 'react';
import type { TillEvent } from '../../shared/events.js';

/** The dashboard's first screen: the live feed of what happens at the till. */
export function App() {
  const [events, setEvents] = useState<TillEvent[]>([]);
  useEffect(() => {
    void fetch('/api/events?limit=100')
      .then((response) => response.json() as Promise<{ events: TillEvent[] }>)
      .then((body) => setEvents(body.events));
    const source = new EventSource('/api/events/stream');
    source.addEventListener('till', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as TillEvent;
      setEvents((current) => [event, ...current]);
    });
    return () => source.close();
  }, []);
  return (
    <main>
      <h1>GetMeBack Till</h1>
      <ul aria-label="Лента событий">
        {events.map((event) => (
          <li key={event.id}>
            {event.at} {event.type} {event.orderId}
          </li>
        ))}
      </ul>
    </main>
  );
}
