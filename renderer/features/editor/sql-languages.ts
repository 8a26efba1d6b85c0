/** Monaco's languages for SQL tabs (see languageFor in monaco-setup.ts). */
export const SQL_LANGUAGES = ['sql', 'pgsql', 'mysql'];
