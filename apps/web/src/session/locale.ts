import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getSessionQueryKey, updateMyProfileMutation } from '@eclore/api-client';
import { isLocale, type Locale } from '@eclore/domain';
import { changeLocale, i18n } from '../i18n/i18n';
import { LOCALE_STORAGE_KEY, chooseLocale } from '../i18n/locale';
import type { Session } from './session';

/**
 * After sign-in the person's saved language wins; without one, the language already chosen on this
 * device (or the browser's) stays.
 */
export function useApplyUserLocale(session: Session): void {
  const saved = session.data?.person.locale;
  useEffect(() => {
    if (isLocale(saved)) void changeLocale(saved);
  }, [saved]);
}

/**
 * Saves a language preference on the server (null: follow the browser) and keeps the cached session
 * in step, so the next page load does not switch back.
 */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    ...updateMyProfileMutation(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: getSessionQueryKey() }),
  });
}

/** The header's switcher: changes the language now, and for a signed-in person saves it to the profile. */
export function useChooseLocale(session: Session) {
  const save = useSaveLocale();
  return (locale: Locale) => {
    void changeLocale(locale);
    if (session.status === 'signedIn' && session.data.person.locale !== locale) save.mutate({ body: { locale } });
  };
}

/** "Follow my browser": forgets the choice saved on this device and takes the browser's language. */
export async function followBrowserLocale(): Promise<void> {
  try {
    window.localStorage.removeItem(LOCALE_STORAGE_KEY);
  } catch {
    // storage disabled: nothing was saved
  }
  await i18n.changeLanguage(chooseLocale(null, navigator.languages));
}
