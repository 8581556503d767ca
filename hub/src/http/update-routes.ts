// GET /v1/updates/policy and /v1/updates/<file>: what electron-updater's generic provider reads.

import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UpdatePolicy, UpdateRoute } from '#shared/protocol/updates';
import { currentRelease, currentReleaseFile, readReleaseIndex } from '../updates/releases';
import { CORS_HEADERS, HttpError, sendJson } from './io';
import { sendFile } from './send-file';

export async function handleUpdate(
  updatesDir: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  route: UpdateRoute,
): Promise<void> {
  const index = updatesDir ? await readReleaseIndex(updatesDir) : { releases: [], minimumVersion: null };
  if (route.kind === 'policy') {
    const body: UpdatePolicy = {
      version: currentRelease(index)?.version ?? null,
      minimumVersion: index.minimumVersion,
    };
    return sendJson(res, 200, body, true);
  }
  const path = updatesDir ? currentReleaseFile(updatesDir, index, route.name) : null;
  if (!path) throw new HttpError('not_found');
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new HttpError('not_found');
  }
  const yml = route.name.endsWith('.yml');
  await sendFile(
    req,
    res,
    path,
    size,
    {
      'Content-Type': yml ? 'text/yaml; charset=utf-8' : 'application/octet-stream',
      // The channel file says which version is current: always ask again. Installers never change
      // under their versioned name.
      'Cache-Control': yml ? 'no-cache' : 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      ...CORS_HEADERS,
    },
    true,
  );
}
