/**
 * The channel on which every context that writes the database says it did (getDb in
 * lib/db/database.ts), so an open popup asks the background for its view again (issue #13 §3). A
 * BroadcastChannel reaches every page and the worker of the extension's origin, and needs no
 * connection: a popup keeps no port that would wake a stopped worker, and a write in the options
 * page reaches the popup while the worker sleeps. Its own file: the popup imports the name, not Dexie.
 */
export const DATA_CHANGED_CHANNEL = 'porchlight:data-changed';
