import { useEffect, useMemo, useState } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';

/** A stored photo of a task, with the follow-up that took it. */
export interface TaskPhoto {
  readonly id: string;
  readonly url: string;
  /** sha256 of the stored bytes, as this device's database computed it. */
  readonly digest: string;
}

/**
 * The photos stored on this device for each of the task's follow-ups. Photos another device took
 * are listed once their bytes have arrived from the hub; until then they are not counted.
 */
export function useTaskPhotos(taskId: string): ReadonlyMap<string, readonly TaskPhoto[]> {
  const db = useDatabase();
  const doc = useObservable(
    useMemo(() => db.tasks.findOne(taskId).$, [db, taskId]),
    null,
  );
  const [photos, setPhotos] = useState<ReadonlyMap<string, readonly TaskPhoto[]>>(new Map());
  useEffect(() => {
    let alive = true;
    const urls: string[] = [];
    const attachments = doc?.allAttachments() ?? [];
    void Promise.all(
      attachments.map(async (a) => ({ id: a.id, digest: a.digest, blob: await a.getData() })),
    ).then((loaded) => {
      if (!alive) return;
      const next = new Map<string, TaskPhoto[]>();
      for (const { id, digest, blob } of loaded.sort((a, b) =>
        a.id.localeCompare(b.id, 'en', { numeric: true }),
      )) {
        const url = URL.createObjectURL(blob);
        urls.push(url);
        const cut = id.lastIndexOf('-photo-');
        const followUpId = cut > 0 ? id.slice(0, cut) : '';
        next.set(followUpId, [...(next.get(followUpId) ?? []), { id, url, digest }]);
      }
      setPhotos(next);
    });
    return () => {
      alive = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [doc]);
  return photos;
}
