import type { AddressedOffice, OfficialDocumentRecord } from './document.model.js';

/** An addressed office of a document, with the document it belongs to (for the delivery status). */
export interface DocumentRecipientView extends AddressedOffice {
  document: OfficialDocumentRecord;
}
