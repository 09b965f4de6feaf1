// Texts of the tab strip: its menu, rename, duplicate, the status marks and the shortcuts.
export const tabTexts = {
  de: {
    tabs: {
      duplicate: 'Duplizieren',
    },
  },
  en: {
    tabs: {
      duplicate: 'Duplicate',
    },
  },
};
