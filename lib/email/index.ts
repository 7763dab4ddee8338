export {
  type EmailOrder,
  type EmailPackage,
  type EmailParts,
  type EmailReading,
  MAX_EMAIL_BYTES,
  type ReadEmailOptions,
  readEmail,
  readEmailParts,
} from './read-email';
export { htmlLinks, htmlToText } from './html-to-text';
