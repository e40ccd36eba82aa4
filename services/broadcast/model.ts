/**
 * The documents of a broadcast, Company-Communicator style: one `Broadcast`, one `Delivery`
 * per recipient (the durable outbox; deterministic id, so preparing twice changes nothing)
 * and `DeliveryBatch`es — the unit a send worker leases, so that one conditional write
 * claims many recipients.
 */
import type { ConversationReference, OutgoingMessage } from '../messaging';
import type { Doc } from '../storage';

export const BROADCASTS_CONTAINER = 'broadcasts';
export const DELIVERIES_CONTAINER = 'deliveries';
export const BATCHES_CONTAINER = 'delivery-batches';
export const READS_CONTAINER = 'broadcast-reads';
export const WORKERS_CONTAINER = 'broadcast-workers';

export type Language = 'de' | 'en';

/** Who gets an announcement. Departments are compared normalised, as routing does. */
export type Audience =
  /** Everyone who installed the app (has a stored conversation). */
  | { kind: 'installed' }
  /** The enabled members of the lotsen group. */
  | { kind: 'lotsen' }
  /** Enabled members whose department is one of these units. */
  | { kind: 'units'; departments: string[] }
  /** Enabled members of an Entra group (by object id). */
  | { kind: 'group'; groupId: string }
  /** Enabled members named by Entra object id (e.g. a course's registrations). */
  | { kind: 'users'; userIds: string[] };

export type BroadcastStatus =
  | 'draft'
  | 'awaiting-approval'
  /** Submitted; a worker prepares it once `sendAt` has come. */
  | 'queued'
  | 'preparing'
  | 'sending'
  | 'completed';

/** The card per language; recipients whose language has none get German. */
export interface BroadcastMessages {
  de: OutgoingMessage;
  en?: OutgoingMessage;
}

export interface Broadcast extends Doc {
  /** The organiser's title, for lists and reports. */
  title: string;
  /** Entra object id of the organiser, or `app:<client id>` for the API. */
  createdBy: string;
  createdAt: string;
  audience: Audience;
  messages: BroadcastMessages;
  /** What the author wrote (e.g. the compose form), for a later edit; the engine never reads it. */
  content?: Record<string, unknown>;
  /** Content version: 1 when created, +1 per edit; each delivered card shows one. */
  revision: number;
  /** +1 per change after submission (edit, recall): batches are reopened up to it. */
  generation: number;
  status: BroadcastStatus;
  /** Epoch ms from which it may be sent (0: at once). */
  sendAt: number;
  approval?: {
    requiredFrom: number;
    recipients: number;
    /** When the other organisers were asked (once, whoever submitted it: Teams, CLI, API). */
    requestedAt?: string;
    approvedBy?: string;
    approvedAt?: string;
  };
  recalledAt?: string;
  /** Set by edit and recall: a worker still has to reopen the batches. */
  reopenPending: boolean;
  /** Preparing is leased like a batch: a worker that dies mid-way is replaced. */
  leaseOwner: string | null;
  leaseUntil: number;
  /** Fixed by the first prepare, so that a repeated prepare assigns the same batches. */
  batchCount?: number;
  recipients?: number;
  notInstalled?: number;
  /** Epoch ms when sending began (prepare finished). */
  startedAt?: number;
  completedAt?: string;
  /** Where the organiser's report card lives, to update it in place. */
  reportCard?: { conversation: ConversationReference; activityId: string; language: Language };
  updatedAt: string;
}

export type DeliveryStatus =
  | 'queued'
  /** Waiting for the next attempt (`nextAttemptAt`). */
  | 'retrying'
  | 'sent'
  | 'failed'
  | 'blocked'
  | 'not-installed'
  /** Recalled before it was delivered. */
  | 'cancelled'
  /** Delivered, then deleted by a recall. */
  | 'recalled';

export const FINAL_STATUSES: ReadonlySet<DeliveryStatus> = new Set([
  'failed',
  'blocked',
  'not-installed',
  'cancelled',
  'recalled',
]);

/** An edit or recall of a card already delivered. */
export interface CardChange {
  op: 'update' | 'delete';
  /** The revision it brings the card to (update) or the generation of the recall. */
  revision: number;
  state: 'retrying' | 'failed';
  failures: number;
  throttles: number;
  nextAttemptAt?: number;
  lastError?: string;
}

export interface Delivery extends Doc {
  broadcastId: string;
  /** The user profile id (`aad:<object id>` or `teams:<user id>`). */
  recipientId: string;
  aadObjectId?: string;
  /** The batch that carries it; -1 when there is nothing to send. */
  batch: number;
  language: Language;
  /** Snapshot of the stored conversation reference at prepare time. */
  conversation?: ConversationReference;
  status: DeliveryStatus;
  /** Refused requests of the first send. */
  failures: number;
  throttles: number;
  nextAttemptAt?: number;
  lastError?: string;
  activityId?: string;
  /** The content revision the delivered card shows. */
  revision?: number;
  sentAt?: string;
  change?: CardChange;
  updatedAt: string;
}

export type DeliveryCounts = Partial<Record<DeliveryStatus, number>> & {
  /** Delivered cards with an edit or recall still to do. */
  changing?: number;
  /** Delivered cards an edit or recall could not reach. */
  changeFailed?: number;
};

export interface DeliveryBatch extends Doc {
  broadcastId: string;
  index: number;
  recipientIds: string[];
  /**
   * The "sending" record: recipients whose request may be under way, written (with the
   * lease) before their requests go out. After a crash these are the only ones that may
   * have been delivered without a record, so the only possible duplicates.
   */
  sending: string[];
  state: 'open' | 'done';
  /** Raised by every reopen: a worker finishing an older pass goes over the batch again. */
  pass: number;
  /** The broadcast generation (edit, recall) the batch was last reopened for. */
  generation: number;
  leaseOwner: string | null;
  /** Epoch ms; 0 when free. */
  leaseUntil: number;
  counts: DeliveryCounts;
  countedAt?: string;
}

/** A recipient's "Gelesen": separate documents, so they never race the send worker. */
export interface BroadcastRead extends Doc {
  broadcastId: string;
  recipientId: string;
  readAt: string;
}

export interface WorkerHeartbeat extends Doc {
  /** Epoch ms until which the worker counts as alive. */
  expiresAt: number;
  /** Whether it is sending now (and so takes a share of the rate). */
  sending: boolean;
}

export function deliveryIdOf(broadcastId: string, recipientId: string): string {
  return `${broadcastId}:${recipientId}`;
}

export function batchIdOf(broadcastId: string, index: number): string {
  return `${broadcastId}:${index}`;
}

export function readIdOf(broadcastId: string, recipientId: string): string {
  return `${broadcastId}:${recipientId}`;
}
