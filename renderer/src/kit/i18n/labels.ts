// State, category and kind labels, once per language. The Chinese ones are the domain's own (in
// shared/, where the machines' refusals and the records' audit texts use them too); the English
// ones are written here once. Each feature's strings refer to these instead of keeping a copy.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS } from '#shared/domain/aggregations/index';
import type { DemandCategory } from '#shared/domain/vocab';
import { demandMachine, taskMachine } from '#shared/domain/machines/index';
import { MEETING_KIND_LABELS } from '#shared/domain/meetings/index';
import { addStrings } from './index';

export const labelsZh = {
  categories: { ...CATEGORY_LABELS },
  demandStates: { ...demandMachine.stateLabels },
  taskStates: { ...taskMachine.stateLabels },
  meetingKinds: { ...MEETING_KIND_LABELS },
};

export const labelsEn: typeof labelsZh = {
  categories: {
    propertyService: 'Property service',
    sanitation: 'Sanitation',
    parking: 'Parking',
    evCharging: 'E-bike charging',
    wasteSorting: 'Waste sorting',
    oldEstateRenovation: 'Old estate renovation',
    housingRepair: 'Housing repair',
    electricHeating: 'Electricity/heating',
    neighbourDispute: 'Neighbour dispute',
    elderlyDisabledCare: 'Elderly & disabled care',
    safetyFire: 'Safety & fire',
    greening: 'Greening',
    publicFacilities: 'Public facilities',
    other: 'Other',
  },
  demandStates: {
    received: 'Recorded',
    accepted: 'Accepted',
    inTopic: 'In a topic',
    handling: 'Handling',
    answered: 'Answered',
    resolved: 'Resolved',
    closed: 'Closed',
    unreasonable: 'Unreasonable',
    duplicate: 'Duplicate',
  },
  taskStates: {
    assigned: 'Assigned',
    inProgress: 'In progress',
    finished: 'Finished, awaiting acceptance',
    accepted: 'Accepted',
    declined: 'Returned, to reassign',
    redirected: 'Redirected',
    reopened: 'Reopened',
    closed: 'Closed',
    withdrawn: 'Withdrawn',
  },
  meetingKinds: {
    courtyardMeeting: 'Courtyard meeting',
    communityHall: 'Community hall',
    streetNeedsHearing: 'Street needs hearing',
    streetPolicyHearing: 'Street policy hearing',
    weeklySeries: 'Weekly meeting',
  },
};

addStrings('labels', labelsZh, labelsEn);

declare module './index' {
  interface YishiResources {
    labels: typeof labelsZh;
  }
}

/** A demand category as people read it in the current language. */
export function useCategoryLabel(): (category: DemandCategory) => string {
  const { t } = useTranslation('labels');
  return useCallback((category: DemandCategory) => t(`categories.${category}`), [t]);
}
