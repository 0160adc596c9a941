import { defineText } from '../../i18n/text';

// The bell is in every page's header, so in the web app's entry: its few words live apart from the
// notification centre's catalogue (./i18n.ts), which loads with the centre.
const fr = {
  bell: (n: number) => (n === 0 ? 'Notifications, aucune non lue' : `Notifications, ${n} non lue${n > 1 ? 's' : ''}`),
};

const en: typeof fr = {
  bell: (n) => (n === 0 ? 'Notifications, none unread' : `Notifications, ${n} unread`),
};

export const useBellText = defineText({ fr, en });
