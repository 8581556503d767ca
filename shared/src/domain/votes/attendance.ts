// Sign-in (签到) with proxies (委托). A person counts once; a proxy is valid only for an entitled
// person who is not there in person, held by someone who signed in, and at most `proxyLimit` per
// holder (first registered first). A correction record supersedes the record it corrects: with a
// person it replaces it, without one it voids it.

export interface RosterEntry {
  readonly personId: string;
  readonly name: string;
  readonly role?: string;
  readonly entitled: boolean;
}

export interface AttendanceRecord {
  readonly id: string;
  readonly kind: string; // MeetingRecordKind; only signIn, proxy and correction matter here
  readonly at: string;
  readonly personId?: string;
  readonly proxyForId?: string;
  readonly name?: string;
  readonly walkIn?: boolean;
  readonly correctsId?: string;
}

export type AttendanceRefusalCode =
  | 'unknownTarget'
  | 'duplicate'
  | 'notOnRoster'
  | 'invalid'
  | 'notEntitled'
  | 'self'
  | 'principalPresent'
  | 'alreadyRepresented'
  | 'holderAbsent'
  | 'overLimit';

export interface AttendanceRefusal {
  readonly recordId: string;
  readonly code: AttendanceRefusalCode;
  readonly message: string;
}

export interface Proxy {
  readonly holderId: string;
  readonly forId: string;
  readonly recordId: string;
}

export interface Attendance {
  /** Entitled people on the roster (应到). */
  readonly entitled: number;
  /** Entitled people signed in themselves. */
  readonly presentInPerson: string[];
  /** Valid proxies: entitled people represented by someone present. */
  readonly proxies: Proxy[];
  /** presentInPerson + proxies: the 实到 for quorum and for the "present" vote base. */
  readonly presentCount: number;
  /** Roster members without a vote who signed in (列席). */
  readonly observers: string[];
  readonly walkIns: { readonly recordId: string; readonly personId?: string; readonly name?: string }[];
  readonly refused: AttendanceRefusal[];
}

const byTime = (a: AttendanceRecord, b: AttendanceRecord) =>
  a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1;

/** The records in force after corrections, in the order of the records they stand for. */
function effectiveRecords(
  records: readonly AttendanceRecord[],
  refused: AttendanceRefusal[],
): AttendanceRecord[] {
  const originals = records.filter((r) => r.kind === 'signIn' || r.kind === 'proxy').sort(byTime);
  const rootOf = new Map<string, AttendanceRecord>(originals.map((r) => [r.id, r]));
  const current = new Map<string, AttendanceRecord | null>(originals.map((r) => [r.id, r]));
  for (const correction of records.filter((r) => r.kind === 'correction').sort(byTime)) {
    const root = correction.correctsId === undefined ? undefined : rootOf.get(correction.correctsId);
    if (!root) {
      refused.push({
        recordId: correction.id,
        code: 'unknownTarget',
        message: '更正的记录不存在或不是签到/委托记录',
      });
      continue;
    }
    rootOf.set(correction.id, root);
    const replaces = correction.personId !== undefined || correction.name !== undefined;
    current.set(root.id, replaces ? { ...correction, kind: root.kind, at: root.at } : null);
  }
  return originals.map((r) => current.get(r.id)).filter((r): r is AttendanceRecord => r != null);
}

export function attendance(
  roster: readonly RosterEntry[],
  records: readonly AttendanceRecord[],
  proxyLimit: number,
): Attendance {
  const refused: AttendanceRefusal[] = [];
  const refuse = (recordId: string, code: AttendanceRefusalCode, message: string) =>
    refused.push({ recordId, code, message });
  const onRoster = new Map(roster.map((entry) => [entry.personId, entry]));
  const signedIn = new Set<string>();
  const presentInPerson: string[] = [];
  const observers: string[] = [];
  const walkIns: Attendance['walkIns'][number][] = [];
  const effective = effectiveRecords(records, refused);

  for (const record of effective.filter((r) => r.kind === 'signIn')) {
    const entry = record.personId === undefined ? undefined : onRoster.get(record.personId);
    if (record.personId !== undefined && signedIn.has(record.personId)) {
      refuse(record.id, 'duplicate', '已签到，不重复计数');
    } else if (entry) {
      signedIn.add(entry.personId);
      (entry.entitled ? presentInPerson : observers).push(entry.personId);
    } else if (record.walkIn || record.personId === undefined) {
      if (record.personId !== undefined) signedIn.add(record.personId);
      walkIns.push({
        recordId: record.id,
        ...(record.personId !== undefined ? { personId: record.personId } : {}),
        ...(record.name !== undefined ? { name: record.name } : {}),
      });
    } else {
      refuse(record.id, 'notOnRoster', '不在应到名单中，请登记为列席');
    }
  }

  const proxies: Proxy[] = [];
  const represented = new Set<string>();
  const held = new Map<string, number>();
  for (const record of effective.filter((r) => r.kind === 'proxy')) {
    const { personId: holderId, proxyForId: forId } = record;
    if (holderId === undefined || forId === undefined)
      refuse(record.id, 'invalid', '委托记录缺少受托人或委托人');
    else if (!onRoster.get(forId)?.entitled) refuse(record.id, 'notEntitled', '委托人不在应到名单中');
    else if (holderId === forId) refuse(record.id, 'self', '不能委托给本人');
    else if (signedIn.has(forId)) refuse(record.id, 'principalPresent', '委托人本人已到场，委托无效');
    else if (represented.has(forId)) refuse(record.id, 'alreadyRepresented', '委托人已由他人代为表决');
    else if (!signedIn.has(holderId)) refuse(record.id, 'holderAbsent', '受托人未签到');
    else if ((held.get(holderId) ?? 0) >= proxyLimit)
      refuse(record.id, 'overLimit', `每人最多接受 ${proxyLimit} 份委托`);
    else {
      represented.add(forId);
      held.set(holderId, (held.get(holderId) ?? 0) + 1);
      proxies.push({ holderId, forId, recordId: record.id });
    }
  }

  return {
    entitled: roster.filter((entry) => entry.entitled).length,
    presentInPerson,
    proxies,
    presentCount: presentInPerson.length + proxies.length,
    observers,
    walkIns,
    refused,
  };
}
