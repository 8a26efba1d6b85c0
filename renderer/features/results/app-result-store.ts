import { api } from '../../bridge';
import { ResultStore } from './result-store';

/** The app's results; pages of spooled results come from main through query/page. */
export const resultStore = new ResultStore({ loadPage: (request) => api.invoke('query/page', request) });
