/** Where the background keeps the last sync run's status (kv table), for the options page (issue #12 §5). */
export const SYNC_STATUS_KEY = 'sync:status';
