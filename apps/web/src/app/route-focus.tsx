import { createContext, useContext } from 'react';

/**
 * True once the person has navigated inside the app. Pages then move focus to their heading on
 * mount; on the first load focus stays at the top of the document, as browsers do.
 */
export const RouteFocusContext = createContext(false);

export function useFocusHeadingOnMount(): boolean {
  return useContext(RouteFocusContext);
}
