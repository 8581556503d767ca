// Rules every export follows: no formulas in any cell, personal information masked unless a
// person who may read it chose the full export.
export { neutraliseTable, neutraliseText, startsLikeFormula } from './cells';
export { exportHoldsPii, maskedForExport, maskPiiValue, maskQuotedPii } from './pii';
