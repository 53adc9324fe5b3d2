/**
 * Event sources and detail types on the collections bus, for the stack's rules. Declared once in
 * contracts/events (names here; schemas, versions and meanings in contracts/events/catalog.ts).
 */
export { DETAIL_TYPES, type DetailType, EVENT_SOURCES, type EventSource } from '../contracts/events/names';
