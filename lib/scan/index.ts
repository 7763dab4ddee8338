export { type FindOptions, type FoundNumber, findTrackingNumbers, type ScanResult, type ScanStats, scanText } from './find-tracking-numbers';
export { readContext, type TextContext } from './context';
