// 法定人数: a share (numerator/denominator, e.g. 2/3) of the entitled roster must be present.
// Present means signed in or validly represented by a proxy (委托视为出席), see attendance.ts.

export interface QuorumInput {
  readonly entitled: number;
  readonly present: number;
  readonly numerator: number;
  readonly denominator: number;
}

export interface QuorumResult {
  readonly reached: boolean;
  /** The smallest number present that reaches the quorum. */
  readonly required: number;
  readonly present: number;
  readonly entitled: number;
}

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

export function quorum({ entitled, present, numerator, denominator }: QuorumInput): QuorumResult {
  if (!isCount(entitled) || !isCount(present)) throw new RangeError('应到和实到人数应为非负整数');
  if (
    !Number.isInteger(numerator) ||
    !Number.isInteger(denominator) ||
    numerator < 1 ||
    denominator < numerator
  ) {
    throw new RangeError(`法定人数比例无效：${numerator}/${denominator}`);
  }
  // Integer ceiling of entitled × numerator / denominator, without floating-point rounding.
  const required = Math.floor((entitled * numerator + denominator - 1) / denominator);
  return { reached: entitled > 0 && present >= required, required, present, entitled };
}
