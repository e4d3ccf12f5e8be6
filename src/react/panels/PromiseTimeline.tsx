import type { PromiseResult } from '../../engine/index.ts';
import type { MessageKey } from '../i18n/en.ts';
import { formatDate, formatDayMonth } from '../i18n/format.ts';
import type { Translate } from '../i18n/messages.ts';

/** The stages of the picture, in order. */
export type TimelineStage = 'accept' | 'materials' | 'production' | 'ship' | 'delivery';

/** One stage with the date the engine gave it (`YYYY-MM-DD` or plant-local date-time). */
export interface TimelineMark {
  stage: TimelineStage;
  at: string;
}

const stageKey: Record<TimelineStage, MessageKey> = {
  accept: 'timeline.accept',
  materials: 'timeline.materials',
  production: 'timeline.production',
  ship: 'timeline.ship',
  delivery: 'timeline.delivery',
};

/**
 * The stages of a promise, read from the engine's result: acceptance, the last material to
 * become usable (the acceptance when everything is in stock), the end of production, shipping and
 * delivery. An unavailable promise has only its acceptance.
 */
export function timelineMarks(result: PromiseResult): TimelineMark[] {
  const usable = result.timeline.filter((e) => e.kind === 'usable' || e.kind === 'receipt');
  const marks: (TimelineMark | undefined)[] = [
    { stage: 'accept', at: result.accepted.at },
    result.status === 'ok'
      ? { stage: 'materials', at: usable.at(-1)?.at ?? result.accepted.at }
      : undefined,
    result.productionEnd === undefined
      ? undefined
      : { stage: 'production', at: result.productionEnd },
    result.shipDate === undefined ? undefined : { stage: 'ship', at: result.shipDate },
    result.deliveryDate === undefined ? undefined : { stage: 'delivery', at: result.deliveryDate },
  ];
  return marks.filter((m): m is TimelineMark => m !== undefined);
}

/**
 * The promise as a picture: accept → materials → production → ship → delivery, each with its
 * date; an ordered list (screen readers read it as one), drawn as a line of stations by CSS.
 */
export function PromiseTimeline(props: { result: PromiseResult; t: Translate; locale: string }) {
  const { t, locale } = props;
  const marks = timelineMarks(props.result);
  return (
    <ol
      className="madeto-timeline"
      aria-label={t('timeline.title')}
      data-state={props.result.status}
    >
      {marks.map((m) => (
        <li key={m.stage} className="madeto-timeline-stage" data-stage={m.stage}>
          <span className="madeto-timeline-dot" aria-hidden="true" />
          <span className="madeto-timeline-label">{t(stageKey[m.stage])}</span>
          <time dateTime={m.at.slice(0, 10)} title={formatDate(m.at, locale)}>
            {formatDayMonth(m.at, locale)}
          </time>
        </li>
      ))}
    </ol>
  );
}
