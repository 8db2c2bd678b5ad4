import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  FileTextOutlined,
  HomeOutlined,
  NotificationOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

export interface FeatureEntry {
  /** Stable id, also the menu key. */
  key: string;
  /** Menu text, as users say it. */
  label: string;
  icon: ReactNode;
  /** Where the page lives. It owns everything below this path too (`/documents/123`), via nested <Routes>. */
  path: string;
  /** The permission that shows this entry and opens its page; null = every logged-in user. */
  permission: string | null;
  /** The page, loaded on first visit: its code is a separate chunk. */
  page: LazyExoticComponent<ComponentType>;
}

/**
 * The modules of 伊政通, in menu order. Adding a module is one line here plus a folder
 * `features/<module>/` whose index.tsx default-exports the page (see web/README.md).
 */
export const features: FeatureEntry[] = [
  { key: 'home', label: '首页', icon: <HomeOutlined />, path: '/', permission: null, page: lazy(() => import('./home/HomePage')) },
  { key: 'documents', label: '公文', icon: <FileTextOutlined />, path: '/documents', permission: 'documents:read', page: lazy(() => import('./documents')) },
  { key: 'directory', label: '机构与人员', icon: <ApartmentOutlined />, path: '/directory', permission: 'directory:read', page: lazy(() => import('./directory')) },
  { key: 'bodies', label: '议事协调机构', icon: <TeamOutlined />, path: '/bodies', permission: 'bodies:read', page: lazy(() => import('./bodies')) },
  { key: 'awards', label: '体育奖励', icon: <TrophyOutlined />, path: '/awards', permission: 'awards:read', page: lazy(() => import('./awards')) },
  { key: 'press', label: '新闻发布', icon: <NotificationOutlined />, path: '/press', permission: 'press:read', page: lazy(() => import('./press')) },
  { key: 'livelihood', label: '民生实事', icon: <ProjectOutlined />, path: '/livelihood', permission: 'livelihood:read', page: lazy(() => import('./livelihood')) },
  { key: 'admin', label: '用户与机构', icon: <SafetyCertificateOutlined />, path: '/admin', permission: 'users:read', page: lazy(() => import('./admin/AdminPage')) },
  { key: 'audit', label: '审计日志', icon: <AuditOutlined />, path: '/audit', permission: 'audit:read', page: lazy(() => import('./audit/AuditPage')) },
  { key: 'calendar', label: '工作日历', icon: <CalendarOutlined />, path: '/calendar', permission: 'calendar:read', page: lazy(() => import('./calendar')) },
];

/** The entry whose path is the longest prefix of `pathname` (for the selected menu item). */
export function featureForPath(pathname: string): FeatureEntry | undefined {
  return features
    .filter((f) => (f.path === '/' ? pathname === '/' : pathname === f.path || pathname.startsWith(`${f.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
