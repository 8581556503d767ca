import { describe, expect, it } from 'vitest';
import { attachmentPath, parseAttachmentRoute, photosOf } from '#shared/protocol/attachments';

describe('attachment routes', () => {
  it('round-trips encoded segments', () => {
    const path = attachmentPath('demands', 'd 1', 'photo/0');
    expect(parseAttachmentRoute('PUT', path)).toBeNull(); // a decoded '/' would shift the route
    expect(parseAttachmentRoute('GET', attachmentPath('demands', 'd 1', 'p-0'))).toEqual({
      method: 'GET',
      collection: 'demands',
      docId: 'd 1',
      attId: 'p-0',
    });
  });

  it('leaves other paths to protocol v1 and names the wrong method', () => {
    expect(parseAttachmentRoute('POST', '/v1/sync/demands/push')).toBeNull();
    expect(parseAttachmentRoute('GET', '/v1/sync/demands/d1/attachments')).toBeNull();
    expect(parseAttachmentRoute('GET', '/v1/sync/demands/d1/files/p')).toBeNull();
    expect(parseAttachmentRoute('GET', '/v1/sync/demands/%E0/attachments/p')).toBeNull();
    expect(parseAttachmentRoute('GET', `/v1/sync/demands/${'x'.repeat(65)}/attachments/p`)).toBeNull();
    expect(parseAttachmentRoute('DELETE', '/v1/sync/demands/d1/attachments/p')).toBe('method_not_allowed');
  });

  it('reads only well-formed photo entries', () => {
    const good = { id: 'p', digest: 'a'.repeat(64), type: 'image/png', length: 3 };
    const doc = { photos: [good, { ...good, type: 'text/html' }, { ...good, length: -1 }, null] };
    expect(photosOf(doc)).toEqual([good]);
    expect(photosOf({ photos: 'x' })).toEqual([]);
    expect(photosOf(null)).toEqual([]);
  });
});
