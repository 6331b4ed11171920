/** Connections return this many items when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The most items one page (or one `nodes` list) may ask for. */
export const MAX_PAGE_SIZE = 100;
