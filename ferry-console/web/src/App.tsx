import { useEffect, useState } from 'react';
import {
  Masthead, MastheadBrand, MastheadContent, MastheadLogo, MastheadMain, Nav, NavItem, NavList, Page, PageSidebar,
  PageSidebarBody, Content,
} from '@patternfly/react-core';
import { ClustersPage } from './pages/Clusters';
import { StoragesPage } from './pages/Storages';
import { PlansPage } from './pages/Plans';
import { PlanLogsPage } from './pages/Logs';
import { PlanWizard } from './pages/PlanWizard';
import { PlanPage } from './pages/PlanPage';
import { MigrationPage } from './pages/MigrationPage';
import { useResource } from './api';

/** Hash routes: #/clusters, #/storages, #/plans, #/plans/new, #/plans/NAME, #/migrations/NAME. */
function useRoute(): string[] {
  const read = () => (window.location.hash.replace(/^#\/?/, '') || 'plans').split('/').map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(path: string) {
  window.location.hash = '#/' + path;
}

export function App() {
  const route = useRoute();
  const info = useResource<{ namespace: string; context: string }>('/api/info');
  const section = route[0];
  const nav = (
    <Nav aria-label="Console sections">
      <NavList>
        {[
          ['clusters', 'Clusters'],
          ['storages', 'Replication repositories'],
          ['plans', 'Migration plans'],
        ].map(([id, label]) => (
          <NavItem key={id} id={`nav-${id}`} isActive={section === id || (id === 'plans' && section === 'migrations')}
            to={`#/${id}`}>
            {label}
          </NavItem>
        ))}
      </NavList>
    </Nav>
  );
  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadBrand>
          <MastheadLogo href="#/plans">
            <span style={{ fontWeight: 600, fontSize: '1.25rem', whiteSpace: 'nowrap' }}>Ferry console</span>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Content component="small" id="context-info">
          {info.data ? `context ${info.data.context} · namespace ${info.data.namespace}` : ''}
        </Content>
      </MastheadContent>
    </Masthead>
  );
  let body;
  if (section === 'clusters') body = <ClustersPage />;
  else if (section === 'storages') body = <StoragesPage />;
  else if (section === 'plans' && route[1] === 'new') body = <PlanWizard />;
  else if (section === 'plans' && route[1] && route[2] === 'logs') body = <PlanLogsPage name={route[1]} />;
  else if (section === 'plans' && route[1] && route[2] === 'edit') body = <PlanWizard key={route[1]} edit={route[1]} />;
  else if (section === 'plans' && route[1]) body = <PlanPage name={route[1]} />;
  else if (section === 'migrations' && route[1]) body = <MigrationPage name={route[1]} />;
  else body = <PlansPage />;
  return (
    <Page masthead={masthead} sidebar={<PageSidebar><PageSidebarBody>{nav}</PageSidebarBody></PageSidebar>}>
      {body}
    </Page>
  );
}
