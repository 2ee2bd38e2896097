/**
 * Which page a signed-in person sees, from the URL hash (see routing/route.ts).
 * The two landing pages (My mentoring, Programmes) come with the first load;
 * the others are loaded on first use, so what most people open stays light.
 */
import { lazy, Suspense } from 'react';
import type { ApiClient, Me } from '../api/client';
import { Loading } from '../components/Status';
import { useI18n } from '../i18n';
import type { Navigate, Route } from '../routing/route';
import { MyMentoringPage } from './MyMentoringPage';
import { ProgrammesPage } from './ProgrammesPage';

const ProgrammeFormPage = lazy(() =>
  import('./ProgrammeFormPage').then((m) => ({ default: m.ProgrammeFormPage })),
);
const ProgrammePage = lazy(() => import('./ProgrammePage').then((m) => ({ default: m.ProgrammePage })));
const PairingPage = lazy(() => import('./PairingPage').then((m) => ({ default: m.PairingPage })));
const AgreementPage = lazy(() => import('./AgreementPage').then((m) => ({ default: m.AgreementPage })));
const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

export interface SignedInPagesProps {
  readonly api: ApiClient;
  readonly route: Route;
  readonly navigate: Navigate;
  readonly onIdentified: (me: Me) => void;
  readonly onUnauthenticated: () => void;
}

export function SignedInPages(props: SignedInPagesProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading label={t('common.loading')} />}>
      <RoutedPage {...props} />
    </Suspense>
  );
}

function RoutedPage({ api, route, navigate, onIdentified, onUnauthenticated }: SignedInPagesProps) {
  // Keyed by route, so each page starts fresh (its own load, its heading taking focus).
  switch (route.kind) {
    case 'me':
      return (
        <MyMentoringPage
          key="me"
          api={api}
          onIdentified={onIdentified}
          onUnauthenticated={onUnauthenticated}
        />
      );
    case 'agreement':
      return (
        <AgreementPage
          key={`a:${route.pairId}`}
          api={api}
          pairId={route.pairId}
          onIdentified={onIdentified}
          onUnauthenticated={onUnauthenticated}
        />
      );
    case 'list':
      return (
        <ProgrammesPage
          key="list"
          api={api}
          onIdentified={onIdentified}
          onUnauthenticated={onUnauthenticated}
        />
      );
    case 'new':
      return (
        <ProgrammeFormPage key="new" api={api} navigate={navigate} onUnauthenticated={onUnauthenticated} />
      );
    case 'edit':
      return (
        <ProgrammeFormPage
          key={`edit:${route.id}`}
          api={api}
          programmeId={route.id}
          navigate={navigate}
          onUnauthenticated={onUnauthenticated}
        />
      );
    case 'programme':
      return (
        <ProgrammePage
          key={`p:${route.id}`}
          api={api}
          programmeId={route.id}
          onUnauthenticated={onUnauthenticated}
        />
      );
    case 'dashboard':
      return (
        <DashboardPage
          key={`d:${route.id}`}
          api={api}
          programmeId={route.id}
          onUnauthenticated={onUnauthenticated}
        />
      );
    case 'pairing':
      return (
        <PairingPage
          key={`b:${route.id}`}
          api={api}
          programmeId={route.id}
          onUnauthenticated={onUnauthenticated}
        />
      );
  }
}
