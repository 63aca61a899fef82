import type { TillEvent } from '../../../shared/events.js';
import type { Language } from '../../../shared/i18n/language.js';
import { formatClock } from '../format/time.js';
import { feedLine, type FeedTone } from './feed-line.js';

/** Each kind of row has its sign as well as its colour, so a refusal or an error is told apart without colour. */
const TONE_SIGNS: Record<FeedTone, string> = { guest: '☺', gift: '★', money: '₽', cash: '₽', warning: '⚠', error: '✖', system: 'ℹ' };

/** One event: its time, what happened in big letters, and the figures under it. */
export function FeedRow({ event, language }: { event: TillEvent; language: Language }) {
  const line = feedLine(event, language);
  const details = line.details.join(' · ');
  return (
    <div className={`feed-row tone-${line.tone}`}>
      <span className="feed-icon" aria-hidden="true">
        {TONE_SIGNS[line.tone]}
      </span>
      <time className="feed-time" dateTime={event.at}>
        {formatClock(event.at, language)}
      </time>
      <div className="feed-text">
        <div className="feed-title" title={line.title}>
          {line.title}
        </div>
        <div className="feed-details" title={details}>
          {details}
        </div>
      </div>
    </div>
  );
}
