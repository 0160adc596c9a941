import { useInvalidateOperations } from '../../app/queries';

/** After a role request is approved, refused or withdrawn: the requests, the people list and each person. */
export function useRoleRequestsChanged(): () => Promise<void> {
  return useInvalidateOperations(['listRoleRequests', 'listAdminPeople', 'getAdminPerson']);
}

/** After a person's grants or account change: the list shows grants and status too, and a grant may
 * have opened a request for a second administrator. */
export function usePeopleChanged(): () => Promise<void> {
  return useInvalidateOperations(['listAdminPeople', 'listRoleRequests']);
}
