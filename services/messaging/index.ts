export type {
  ConversationReference,
  MessageSender,
  OutgoingMessage,
  SendFailure,
  SendResult,
} from './message-sender';
