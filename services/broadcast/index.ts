/** Announcements to many: audiences, a durable outbox, rate-limited delivery, reports. */
export {
  BATCHES_CONTAINER,
  BROADCASTS_CONTAINER,
  DELIVERIES_CONTAINER,
  FINAL_STATUSES,
  READS_CONTAINER,
  WORKERS_CONTAINER,
  deliveryIdOf,
  type Audience,
  type Broadcast,
  type BroadcastMessages,
  type BroadcastStatus,
  type Delivery,
  type DeliveryBatch,
  type DeliveryCounts,
  type DeliveryStatus,
  type Language,
} from './model';
export {
  AudienceError,
  Audiences,
  type AudienceCount,
  type AudienceResolver,
  type Recipient,
} from './audience';
export {
  BroadcastError,
  Broadcasts,
  DEFAULT_APPROVAL_THRESHOLD,
  type BroadcastErrorCode,
  type BroadcastsOptions,
  type NewBroadcast,
  type Submitted,
} from './broadcasts';
export { DeliveryReports, summarise, type DeliveryReport } from './report';
export { broadcastPrivacySource, broadcastRetentionRules } from './personal-data';
export { BroadcastWorker, type BroadcastWorkerOptions } from './pipeline/worker';
export {
  DEFAULT_RETRY_POLICY,
  backoffMs,
  decide,
  type Decision,
  type RetryPolicy,
} from './retry-policy';
export { GlobalLimiter, type GlobalLimiterOptions } from './rate/global-limiter';
export {
  ConversationLimiter,
  TEAMS_CONVERSATION_WINDOWS,
  type RateWindow,
} from './rate/conversation-limiter';
export { RequestLog } from './rate/request-log';
export { RateGate } from './rate/gate';
export { createAppRateGate, type AppRateOptions } from './rate/app-rate';
export { ProactiveSender, type ProactiveSenderOptions } from './proactive-sender';
