export { ConnectorSender, type ConnectorSenderOptions } from './connector-sender';
export { tokenSourceFor, type TokenSource } from './token-source';
