// The watched inbox: exports dropped into a folder are loaded in order and archived.

export { INBOX_FOLDERS, READY_MARKER, listDrops, SettleTracker, type InboxDrop } from './drops';
export { prepareDropFiles, type PreparedDrop } from './prepare-drop';
export { processDrop, type DropOutcome } from './process-drop';
export { InboxWatcher, runInboxOnce, ensureInbox, type InboxOptions } from './inbox-runner';
