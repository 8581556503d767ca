import { createTheme } from '@mui/material/styles';
import { zhCN, enUS } from '@mui/material/locale';
import type { Language } from '../kit/i18n';

// Many of our users are older community volunteers: 17 px body text, strong contrast and
// targets of at least 48 px, so nothing needs a steady hand or good eyes.
export function createYishiTheme(language: Language) {
  return createTheme(
    {
      palette: {
        mode: 'light',
        primary: { main: '#a4161a', contrastText: '#ffffff' },
        secondary: { main: '#0b4f8a', contrastText: '#ffffff' },
        // MUI's own orange (#ed6c02) and light blue carry white text at about 3:1; these reach 4.5:1.
        warning: { main: '#b45309', contrastText: '#ffffff' },
        info: { main: '#01579b', contrastText: '#ffffff' },
        success: { main: '#1b5e20', contrastText: '#ffffff' },
        text: { primary: '#161616', secondary: '#3d3d3d' },
        background: { default: '#f6f4f1', paper: '#ffffff' },
        divider: '#b8b2aa',
      },
      typography: {
        fontSize: 16,
        htmlFontSize: 16,
        fontFamily: [
          '"Noto Sans CJK SC"',
          '"Source Han Sans SC"',
          '"Microsoft YaHei"',
          '"PingFang SC"',
          '"WenQuanYi Micro Hei"',
          'system-ui',
          'sans-serif',
        ].join(','),
        body1: { fontSize: '1.0625rem', lineHeight: 1.65 },
        body2: { fontSize: '1rem', lineHeight: 1.6 },
        button: { fontSize: '1.0625rem', textTransform: 'none', fontWeight: 600 },
        h1: { fontSize: '2rem', fontWeight: 700 },
        h2: { fontSize: '1.625rem', fontWeight: 700 },
        h3: { fontSize: '1.375rem', fontWeight: 700 },
        h4: { fontSize: '1.25rem', fontWeight: 700 },
      },
      shape: { borderRadius: 8 },
      components: {
        MuiButton: {
          defaultProps: { size: 'large', disableElevation: true },
          styleOverrides: { root: { minHeight: 48, paddingInline: 20 } },
        },
        MuiIconButton: { styleOverrides: { root: { minWidth: 48, minHeight: 48 } } },
        MuiListItemButton: { styleOverrides: { root: { minHeight: 52 } } },
        MuiTextField: { defaultProps: { fullWidth: true } },
        MuiInputBase: { styleOverrides: { input: { fontSize: '1.0625rem' } } },
        MuiTableCell: { styleOverrides: { root: { fontSize: '1rem' } } },
        MuiTooltip: { styleOverrides: { tooltip: { fontSize: '0.95rem' } } },
      },
    },
    language === 'en' ? enUS : zhCN,
  );
}
