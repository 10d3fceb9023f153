import type { ChangeMark, SnapshotDiff } from './diffTypes.ts';

/**
 * Per key, what happened to the entity it names, for highlighting: added, changed, or removed
 * (a key that no longer exists in the newer snapshot). A key of both a removed and an added
 * entity (a reused inode or PID) names the added one.
 */
export function changeMarks(diff: SnapshotDiff): Map<string, ChangeMark> {
  const marks = new Map<string, ChangeMark>();
  for (const e of diff.entries) {
    if (e.after !== undefined) marks.set(e.after, e.mark);
    if (e.before !== undefined && e.before !== e.after && !marks.has(e.before))
      marks.set(e.before, 'removed');
  }
  // An added entity wins over a removed one listed before it under the same key.
  for (const e of diff.entries) if (e.mark === 'added' && e.after) marks.set(e.after, 'added');
  return marks;
}
