/** Event sources and detail types on the collections bus, declared once for publishers and rules. */
export const EVENT_SOURCES = {
  scoring: 'collections.scoring',
} as const;

export const DETAIL_TYPES = {
  treatmentChanged: 'TreatmentChanged',
  scoringSegmentRequested: 'ScoringSegmentRequested',
} as const;

export type EventSource = (typeof EVENT_SOURCES)[keyof typeof EVENT_SOURCES];
export type DetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];
