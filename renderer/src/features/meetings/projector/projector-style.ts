// Colours and sizes of the projector. Sizes are given in pixels of a 1080p screen and scale with
// the screen's height, so a 1080p projector shows exactly them (secondary text ≥ 40 px).

export const BG = '#1d1b19';
export const FG = '#fdfbf7';
export const DIM = '#d4cdc3';
export const OVER = '#ff8a80';
export const PASS = '#7bd389';

export const size = (px: number) => ({
  fontSize: `clamp(${Math.round(px * 0.6)}px, ${((px / 1080) * 100).toFixed(3)}vh, ${Math.round(px * 1.5)}px)`,
  lineHeight: 1.25,
});
