/**
 * The selection of an article's category links, in editorial order (the first is the primary
 * category). Category rows themselves come from the per-request category directory, so an
 * article's categories cost one statement for any number of articles.
 */
export const CATEGORY_LINKS = { categories: { orderBy: { position: "asc" }, select: { categoryId: true } } } as const;
