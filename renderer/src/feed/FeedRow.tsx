import type { TillEvent } from '../../../shared/events.js';
import type { Language } from '../../../shared/i18n/language.js';
import { formatClock } from '../format/time.js';
import { textsFor } from '../i18n/texts.js';
import { feedLine, type FeedTone } from './feed-line.js';

/** The whole event's panel, which an open row controls. */
const FEED_DETAIL_ID = 'feed-detail';

/** Each kind of row has its sign as well as its colour, so a refusal or an error is told apart without colour. */
const TONE_SIGNS: Record<FeedTone, string> = { guest: '☺', gift: '★', money: '₽', cash: '₽', warning: '⚠', error: '✖', system: 'ℹ' };

/**
 * One event: its time, what happened in big letters, and the figures under it, on one line each (a
 * long refusal is cut); a tap opens the whole of it under the list (`FeedDetail`).
 */
export function FeedRow({ event, language, onOpen, open }: { event: TillEvent; language: Language; onOpen: (event: TillEvent) => void; open: boolean }) {
  const line = feedLine(event, language);
  const details = line.details.join(' · ');
  return (
    <button
      type="button"
      className={`feed-row tone-${line.tone}`}
      aria-expanded={open}
      aria-controls={open ? FEED_DETAIL_ID : undefined}
      data-event-id={event.id}
      onClick={() => onOpen(event)}
    >
      <span className="feed-icon" aria-hidden="true">
        {TONE_SIGNS[line.tone]}
      </span>
      <time className="feed-time" dateTime={event.at}>
        {formatClock(event.at, language)}
      </time>
      <span className="feed-text">
        <span className="feed-title">{line.title}</span>
        <span className="feed-details">{details}</span>
      </span>
    </button>
  );
}

/** The whole of one event, wrapped, each figure on its line: what a cut row did not show. */
export function FeedDetail({ event, language, onClose }: { event: TillEvent; language: Language; onClose: () => void }) {
  const t = textsFor(language).feed;
  const line = feedLine(event, language);
  return (
    <section id={FEED_DETAIL_ID} className={`feed-detail tone-${line.tone}`} aria-label={t.detailTitle}>
      <p className="feed-detail-title">
        <time dateTime={event.at}>{formatClock(event.at, language)}</time> {line.title}
      </p>
      {line.details.length > 0 && (
        <ul>
          {line.details.map((detail, index) => (
            <li key={index}>{detail}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onClose}>
        {t.detailClose}
      </button>
    </section>
  );
}
