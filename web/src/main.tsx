import { ConfigProvider } from 'antd';
// The ES module build: `antd/locale/zh_CN` is CommonJS, and its default import reaches the
// bundle as the module object, which ConfigProvider ignores (the UI fell back to English).
import zhCN from 'antd/es/locale/zh_CN';
import 'antd/dist/reset.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { theme } from './theme';

dayjs.locale('zh-cn');

const container = document.getElementById('root');
if (!container) throw new Error('找不到 #root 节点');

createRoot(container).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <App />
    </ConfigProvider>
  </StrictMode>,
);
