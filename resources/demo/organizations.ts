// Organisations: 10 街道科室, property companies and property-rights units serving courtyards,
// 驻区单位, a few 业委会 and 151 社区社会组织.
import { initials } from '#shared/domain/text/pinyin';
import type { OrganizationDoc } from '#shared/schema/index';
import { base, DAY, officeTime, type DemoContext } from './context';
import {
  CONTACT_TITLES,
  fictionalPhone,
  personName,
  PROPERTY_COMPANIES,
  PROPERTY_RIGHTS_UNITS,
  RESIDENT_UNITS,
  SOCIAL_ORG_ACTIVITIES,
  STREET_DEPARTMENTS,
  STREET_SOCIAL_ORG,
} from './names';
import { allCourtyards, type StreetLayout } from './places';

export interface OrganizationIndex {
  all: OrganizationDoc[];
  departments: OrganizationDoc[];
  /** By courtyard scope; absent where the courtyard has no property company (无物业). */
  propertyCompanyOf: Map<string, OrganizationDoc>;
  rightsUnitOf: Map<string, OrganizationDoc>;
  /** By community scope. */
  socialOrgsOf: Map<string, OrganizationDoc[]>;
  department(name: string): OrganizationDoc;
}

export function generateOrganizations(ctx: DemoContext, layout: StreetLayout): OrganizationIndex {
  const { rng } = ctx;
  const all: OrganizationDoc[] = [];
  let phone = 0;
  const since = officeTime(rng, ctx.now - 700 * DAY);

  const add = (
    kind: OrganizationDoc['kind'],
    name: string,
    scope: string,
    serves: string[],
  ): OrganizationDoc => {
    const titles = CONTACT_TITLES[kind];
    const contacts = titles.slice(0, rng.int(1, titles.length)).map((title) => ({
      name: personName(rng, rng.chance(0.5) ? 'female' : 'male'),
      title,
      phone: fictionalPhone('137', (phone += 1)),
    }));
    const doc: OrganizationDoc = {
      ...base(ctx.nextId('org'), scope, since),
      kind,
      name,
      initials: initials(name),
      contacts,
      serves,
    };
    all.push(doc);
    return doc;
  };

  const streetScope = layout.street.scope;
  const departments = STREET_DEPARTMENTS.map((name) => add('streetDept', name, streetScope, [streetScope]));

  const courtyards = allCourtyards(layout);
  const companies = PROPERTY_COMPANIES.map((name) => add('propertyCompany', name, streetScope, []));
  const rightsUnits = PROPERTY_RIGHTS_UNITS.map((name) => add('propertyRightsUnit', name, streetScope, []));
  const propertyCompanyOf = new Map<string, OrganizationDoc>();
  const rightsUnitOf = new Map<string, OrganizationDoc>();
  for (const { courtyard } of courtyards) {
    const scope = courtyard.place.scope;
    // Some old compounds have no property company; the street hosts their basic services.
    if (rng.chance(0.88)) {
      const company = rng.pick(companies);
      company.serves.push(scope);
      propertyCompanyOf.set(scope, company);
    }
    const unit = rng.pick(rightsUnits);
    unit.serves.push(scope);
    rightsUnitOf.set(scope, unit);
  }

  for (const name of RESIDENT_UNITS) add('residentUnit', name, streetScope, [streetScope]);
  for (const { courtyard } of rng.sample(courtyards, 4)) {
    add('ownersCommittee', `${courtyard.place.name}业主委员会`, courtyard.place.scope, [
      courtyard.place.scope,
    ]);
  }

  const socialOrgsOf = new Map<string, OrganizationDoc[]>();
  for (const community of layout.communities) {
    const short = community.place.name.replace('社区', '');
    const scope = community.place.scope;
    const orgs = rng
      .sample(SOCIAL_ORG_ACTIVITIES, 15)
      .map((activity) => add('socialOrg', short + activity, scope, [scope]));
    socialOrgsOf.set(scope, orgs);
  }
  add('socialOrg', STREET_SOCIAL_ORG, streetScope, [streetScope]);

  return {
    all,
    departments,
    propertyCompanyOf,
    rightsUnitOf,
    socialOrgsOf,
    department(name) {
      const found = departments.find((dept) => dept.name === name);
      if (!found) throw new Error(`Unknown street department ${name}`);
      return found;
    },
  };
}
