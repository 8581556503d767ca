import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { i18n } from './kit/i18n';
import type { Language } from './kit/i18n';
import { createYishiTheme } from './app/theme';
import { Boot } from './app/Boot';
import { UpdateNotice } from './app/UpdateNotice';
import { startServiceWorker } from './platform';
import { recordUncaughtErrors } from './kit/error-log';

recordUncaughtErrors(window);

function App() {
  const [language, setLanguage] = useState<Language>(i18n.language === 'en' ? 'en' : 'zh-CN');
  useEffect(() => {
    const onChange = (lng: string) => setLanguage(lng === 'en' ? 'en' : 'zh-CN');
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  const theme = createYishiTheme(language);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Boot />
      <UpdateNotice />
    </ThemeProvider>
  );
}

startServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
