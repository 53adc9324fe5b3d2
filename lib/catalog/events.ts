/**
 * Event sources and detail types on the collections bus, for the stack's rules. Declared once, with their
 * contracts, in contracts/events (importable by Lambda code without the CDK).
 */
export {
  DETAIL_TYPES,
  type DetailType,
  EVENT_SOURCES,
  type EventSource,
} from '../../contracts/events/catalog';
