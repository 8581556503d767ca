import type { ActorRole } from '#shared/domain/vocab';

/** Who acts: the device's or account's role and the place subtree it works in. */
export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
  readonly scope: string;
}

export const ACTOR_ROLE_LABELS: Readonly<Record<ActorRole, string>> = {
  'street-staff': '街道工作人员',
  'community-worker': '社区工作者',
  'hall-chair': '议事会主持人',
  recorder: '记录员',
  leader: '门楼院长',
  viewer: '查看者',
};
