import { describe, expect, it } from 'vitest';
import { buildPlaceTree } from '#shared/domain/places/index';
import type { PlaceDoc } from '#shared/schema/index';
import { DEFAULT_REMEMBERED, emptyDraft, parseRemembered } from './intake-form';

const AT = '2026-03-02T02:00:00.000Z';
import { filterPlaceOptions, placeOptions } from './place-options';
import { fitWithin, photoAttachmentId } from '../../kit/photos';

describe('intake defaults', () => {
  it('remembers place and source, and falls back on anything unreadable', () => {
    expect(parseRemembered(JSON.stringify({ placeScope: 'xg.gyj.y2', source: 'hall' }))).toEqual({
      placeScope: 'xg.gyj.y2',
      source: 'hall',
    });
    expect(parseRemembered(JSON.stringify({ placeScope: 5, source: 'fax' }))).toEqual(DEFAULT_REMEMBERED);
    expect(parseRemembered('{not json')).toEqual(DEFAULT_REMEMBERED);
    expect(parseRemembered(null)).toEqual(DEFAULT_REMEMBERED);
    const draft = emptyDraft({ placeScope: 'xg.gyj.y2', source: 'phone' });
    expect(draft.placeScope).toBe('xg.gyj.y2');
    expect(draft.source).toBe('phone');
    expect(draft.description).toBe('');
  });
});

describe('place options of the intake picker', () => {
  const mk = (scope: string, kind: PlaceDoc['kind'], name: string, initials: string, order = 0): PlaceDoc => {
    const cut = scope.lastIndexOf('.');
    return {
      id: `p-${scope}`,
      scope,
      createdAt: AT,
      createdBy: 'd',
      updatedAt: AT,
      updatedBy: 'd',
      kind,
      name,
      parentId: cut < 0 ? null : `p-${scope.slice(0, cut)}`,
      code: scope.slice(cut + 1),
      initials,
      order,
    };
  };
  const tree = buildPlaceTree([
    mk('xg', 'street', '小关街道', 'xgjd'),
    mk('xg.gyj', 'community', '高原街社区', 'gyjsq', 1),
    mk('xg.gyj.v1', 'venue', '高原街社区议事厅', 'gyjsqyst', 100),
    mk('xg.gyj.y2', 'courtyard', '高原街2号院', 'gyj2hy', 1),
    mk('xg.gyj.y2.b1', 'building', '1号楼', '1hl', 1),
    mk('xg.gyj.y2.b1.e1', 'entrance', '1单元', '1dy', 1),
    mk('xg.gyj.y4', 'courtyard', '高原街4号院', 'gyj4hy', 2),
    mk('xg.gyj.y4.b1', 'building', '1号楼', '1hl', 1),
    mk('xg.hxl', 'community', '惠新里社区', 'hxlsq', 2),
  ]);

  it('labels each place with its path below the street and leaves venues out', () => {
    const options = placeOptions(tree, 'xg');
    expect(options.map((o) => o.label)).toContain('高原街社区 / 高原街2号院 / 1号楼 / 1单元');
    expect(options.some((o) => o.kind === 'venue')).toBe(false);
    expect(placeOptions(tree, 'xg.gyj.y4').map((o) => o.scope)).toEqual(['xg.gyj.y4', 'xg.gyj.y4.b1']);
  });

  it('finds places by name or pinyin initials, every term matching, courtyards first', () => {
    const options = placeOptions(tree, 'xg');
    const scopes = (q: string) => filterPlaceOptions(options, q).map((o) => o.scope);
    expect(scopes('gyj2')).toEqual(['xg.gyj.y2', 'xg.gyj.y2.b1', 'xg.gyj.y2.b1.e1']);
    expect(scopes('2号院 1号楼')).toEqual(['xg.gyj.y2.b1', 'xg.gyj.y2.b1.e1']);
    expect(scopes('4hy 1hl')).toEqual(['xg.gyj.y4.b1']);
    expect(scopes('惠新里')).toEqual(['xg.hxl']);
    expect(scopes('')).toEqual(['xg', 'xg.gyj', 'xg.hxl', 'xg.gyj.y2', 'xg.gyj.y4']);
    expect(filterPlaceOptions(options, '1', 2)).toHaveLength(2);
  });
});

describe('photos', () => {
  it('fit within 1600 px on the longer edge without enlarging', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 1)).toEqual({ width: 1600, height: 1 });
    expect(photoAttachmentId(0)).toBe('photo-1.jpg');
  });
});
