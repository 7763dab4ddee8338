export {
  type GenericOrder,
  type GenericPackage,
  type GenericPageOptions,
  type GenericPageReading,
  readGenericPage,
} from './read-generic-page';
