import { EventBridgePublisher, eventBridgeClient } from '../adapters/eventbridge/event-publisher';
import { busName } from '../runtime/config';
import { once } from './once';

/** Publishes to the stage's bus (`EVENT_BUS_NAME`). */
export const eventPublisher = /* @__PURE__ */ once(
  () => new EventBridgePublisher(eventBridgeClient(), busName()),
);
