// Public holidays (法定节假日) and adjusted working days (调休上班) of mainland China, as data.
// Sources: the State Council General Office notices 国办发明电〔2023〕7号 (2024),
// 〔2024〕12号 (2025) and the notice of 2025-11-04 (2026). Holiday ranges include the weekend days
// inside them; `workdays` are weekend days that are working days.

export interface HolidayRange {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

export interface HolidayYear {
  readonly year: number;
  readonly holidays: readonly HolidayRange[];
  readonly workdays: readonly string[];
  /** false while the State Council schedule of that year is not yet published. */
  readonly official: boolean;
}

export const CHINA_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2024,
    official: true,
    holidays: [
      { name: '元旦', from: '2024-01-01', to: '2024-01-01' },
      { name: '春节', from: '2024-02-10', to: '2024-02-17' },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
      { name: '端午节', from: '2024-06-08', to: '2024-06-10' },
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  {
    year: 2025,
    official: true,
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    official: true,
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    // Only the statutory days (全体公民放假的节日, as amended in 2024): 元旦 1 day, 春节 除夕 to
    // 初三 (lunar new year 2027-02-06), 清明 2027-04-05, 劳动节 2 days, 端午 2027-06-09,
    // 中秋 2027-09-15, 国庆 3 days. UPDATE with the State Council's 2027 notice (bridging days and
    // 调休 working days) as soon as it is published, and set `official: true`.
    year: 2027,
    official: false,
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ],
    workdays: [],
  },
];
