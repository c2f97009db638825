import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from './Loading';
import { useSession } from './session';

/** Everything but the sign-in screen: wait for a stored session to be confirmed, or go sign in. */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <Loading />;
  if (state.status === 'signed-out') return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
