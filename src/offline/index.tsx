// Offline page entry (workbench.html): no office.js, the task pane over the file host, in the
// system's colour scheme (light or dark; high contrast is applied by the browser).
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { usePaneTheme } from '../taskpane/theme';
import { Workbench } from './Workbench';

function ThemedWorkbench() {
  const { theme, dark } = usePaneTheme(null);
  React.useEffect(() => {
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    document.body.style.backgroundColor = theme.colorNeutralBackground2;
    document.body.style.margin = '0';
  }, [dark, theme]);
  return (
    <FluentProvider theme={theme} lang="zh-CN">
      <Workbench />
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <ThemedWorkbench />
  </React.StrictMode>,
);
