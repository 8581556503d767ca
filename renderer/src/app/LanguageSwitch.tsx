import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, saveLanguage } from '../kit/i18n';
import type { Language } from '../kit/i18n';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      slotProps={{ htmlInput: { 'aria-label': t('nav.language') } }}
      value={i18n.language}
      onChange={(e) => saveLanguage(e.target.value as Language)}
      sx={{ minWidth: 120, '& .MuiInputBase-root': { bgcolor: 'background.paper' } }}
    >
      {LANGUAGES.map((language) => (
        <MenuItem key={language} value={language}>
          {LABELS[language]}
        </MenuItem>
      ))}
    </TextField>
  );
}
