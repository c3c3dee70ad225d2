// Offline page entry (workbench.html): no office.js, the task pane over the file host.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Workbench } from './Workbench';

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <Workbench />
    </FluentProvider>
  </React.StrictMode>,
);
