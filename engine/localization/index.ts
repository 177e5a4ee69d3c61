export { DEFAULT_LEVEL, MessageCatalogue, type LocalizedMessage, type Message, type MessageQuery } from './catalogue.ts';
export { Localization, type MessageIdentity } from './messages.ts';
export { messageTable, type StoredMessage } from './table.ts';
