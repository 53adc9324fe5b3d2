import { systemClock } from '../adapters/system-clock';
import type { Clock } from '../domain/ports';

/** The wall clock; tests pass their own clock to the domain instead. */
export const clock = (): Clock => systemClock;
