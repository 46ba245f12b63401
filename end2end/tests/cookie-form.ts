// The "Cookies" consent form the widget tests and the banner benchmark embed: a required
// purpose, statistics and advertising, in English and Dutch.

const words: Record<string, [string, string]> = {
  necessary: ['Necessary', 'Keeps the shop and your basket working.'],
  analytics: ['Statistics', 'Counts visits so we can improve the shop.'],
  ads: ['Advertising', 'Shows you our offers on other sites.'],
};

/** Gives a new form's draft the cookie purposes; `adsCategory` as given (or left general). */
export function cookieDraft(draft: any, adsCategory?: string) {
  draft.purposes = [
    { key: 'necessary', required: true },
    { key: 'analytics', required: false, category: 'analytics' },
    adsCategory ? { key: 'ads', required: false, category: adsCategory } : { key: 'ads', required: false },
  ];
  for (const lang of ['en', 'nl']) {
    draft.texts[lang].purposes = Object.fromEntries(
      Object.entries(words).map(([key, [title, description]]) => [key, { title, description }]),
    );
  }
  draft.texts.en.title = 'Cookies on this shop';
  return draft;
}
