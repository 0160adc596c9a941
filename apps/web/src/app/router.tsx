import { createBrowserRouter } from 'react-router';
import { RequireSession } from '../session/RequireSession';
import { Layout } from './Layout';
import { DirectoryPage, HomePage, NotFoundPage } from './pages';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'directory',
        element: (
          <RequireSession action="directory.import">
            <DirectoryPage />
          </RequireSession>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
