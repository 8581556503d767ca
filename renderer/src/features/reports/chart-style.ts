// Chart type large enough to read from across a hall: the axes and legends at body size.
export const TICK_STYLE = { fontSize: 15 } as const;
export const LEGEND_SX = { '& .MuiChartsLegend-label': { fontSize: '1rem' } } as const;
export const CHART_SX = {
  '& .MuiChartsAxis-tickLabel': { fontSize: '15px !important' },
  '& .MuiChartsLegend-label': { fontSize: '1rem' },
  '& .MuiBarLabel-root': { fontSize: '14px', fontWeight: 700 },
} as const;
/** Colours distinguishable in print and for red-green colour blindness. */
export const PALETTE = ['#0b4f8a', '#d1495b', '#edae49', '#00798c', '#66a182', '#8d6a9f', '#7a7a7a'];
