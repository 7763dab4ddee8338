export { type FindOptions, type FoundNumber, findTrackingNumbers, newScanStats, type ScanResult, type ScanStats, scanText } from './find-tracking-numbers';
export { readContext, type TextContext } from './context';
