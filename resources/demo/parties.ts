// Who is responsible for what: the parties a decision names and its tasks are assigned to.
import { scopeAtLevel } from '#shared/domain/places/index';
import type { DemandCategory, TaskPartyKind } from '#shared/domain/vocab';
import type { OrganizationDoc } from '#shared/schema/index';
import type { OrganizationIndex } from './organizations';

export interface Party {
  name: string;
  kind: TaskPartyKind;
  organizationId?: string;
}

const fromOrg = (org: OrganizationDoc): Party => ({ name: org.name, kind: org.kind, organizationId: org.id });

const DEPARTMENT_FOR: Partial<Record<DemandCategory, string>> = {
  parking: '城市管理办公室',
  evCharging: '城市管理办公室',
  wasteSorting: '城市管理办公室',
  oldEstateRenovation: '社区建设办公室',
  electricHeating: '城市管理办公室',
  safetyFire: '平安建设办公室',
  elderlyDisabledCare: '民生保障办公室',
  sanitation: '城市管理办公室',
};

const SOCIAL_ORG_FOR: Partial<Record<DemandCategory, string>> = {
  neighbourDispute: '人民调解工作室',
  elderlyDisabledCare: '助老服务队',
  wasteSorting: '垃圾分类督导队',
  safetyFire: '平安巡逻队',
  greening: '花友会',
};

const SELF_HELP: Partial<Record<DemandCategory, string>> = {
  parking: '停车自治小组',
  sanitation: '楼门环境自治小组',
  greening: '共享花园认养小组',
};

/** The responsible parties for a class of demands in a place, most responsible first. */
export function partiesFor(category: DemandCategory, scope: string, orgs: OrganizationIndex): Party[] {
  const courtyard = scopeAtLevel(scope, 'courtyard');
  const community = scopeAtLevel(scope, 'community');
  const parties: Party[] = [];
  const company = courtyard ? orgs.propertyCompanyOf.get(courtyard) : undefined;
  const rights = courtyard ? orgs.rightsUnitOf.get(courtyard) : undefined;
  if (category === 'housingRepair' || category === 'electricHeating' || category === 'oldEstateRenovation') {
    if (rights) parties.push(fromOrg(rights));
    if (company) parties.push(fromOrg(company));
  } else {
    if (company) parties.push(fromOrg(company));
    else if (rights) parties.push(fromOrg(rights));
  }
  const department = DEPARTMENT_FOR[category];
  if (department && (!courtyard || parties.length === 0 || category === 'evCharging')) {
    parties.push(fromOrg(orgs.department(department)));
  }
  const activity = SOCIAL_ORG_FOR[category];
  const local = community ? (orgs.socialOrgsOf.get(community) ?? []) : [];
  const socialOrg = activity ? local.find((org) => org.name.endsWith(activity)) : undefined;
  if (socialOrg) parties.push(fromOrg(socialOrg));
  const selfHelp = SELF_HELP[category];
  if (selfHelp) parties.push({ name: selfHelp, kind: 'selfHelpTeam' });
  if (parties.length === 0) parties.push(fromOrg(orgs.department('社区建设办公室')));
  return parties;
}
