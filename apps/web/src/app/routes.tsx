import type { ComponentType, ReactNode } from 'react';
import { AccountBookOutlined } from '@ant-design/icons';
import type { OrgKind } from '@ipfund/shared';
import { LoansPage } from '../features/loans/LoansPage';

/** One page of the shell: a side-menu entry and what it shows. New features add an entry here. */
export interface AppRoute {
  /** Hash path, e.g. "/loans" (URL "#/loans"). */
  readonly path: string;
  /** Menu label, in Chinese. */
  readonly label: string;
  readonly icon: ReactNode;
  readonly Page: ComponentType;
  /**
   * Organisation kinds that get the menu entry; omitted = every kind. This only tidies the menu —
   * the API decides what each caller may see (DOMAIN.md §2).
   */
  readonly visibleTo?: readonly OrgKind[];
}

export const ROUTES: readonly AppRoute[] = [
  { path: '/loans', label: '贷款台账', icon: <AccountBookOutlined />, Page: LoansPage },
];

export function routesFor(kind: OrgKind): readonly AppRoute[] {
  return ROUTES.filter((route) => !route.visibleTo || route.visibleTo.includes(kind));
}

export function findRoute(routes: readonly AppRoute[], path: string): AppRoute | undefined {
  return routes.find((route) => route.path === path);
}
