import type { AnswerEngine, FoundAnswer } from '../core/types.js';
import { localClock } from './clock.js';

/** The term of a day and the local date it belongs to. */
export interface TodaysTerm {
  readonly answer: FoundAnswer;
  /** `YYYY-MM-DD` on the wall calendar of the zone asked about. */
  readonly date: string;
}

/**
 * "Today's term", computed one way for every caller (a mention, `/termofday now`, the shell): the
 * calendar date at `now` in `timeZone`, and the engine's term for that date.
 */
export function todaysTerm(engine: AnswerEngine, now: Date, timeZone: string): TodaysTerm {
  const date = localClock(now, timeZone).date;
  return { answer: engine.termOfDay(date), date };
}
