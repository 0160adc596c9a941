import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { HomePage, NotFoundPage } from './pages';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
