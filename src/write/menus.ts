import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { lockSet } from "../db/set-lock.ts";
import { badInput } from "../domain/errors.ts";
import { existingArticle, existingCategory, existingPage } from "./lookups.ts";
import { type RawInput, handle, linkUrl, nodeId, requiredText, validateInput } from "./input-validation.ts";

const MAX_ITEMS = 300;
const MAX_DEPTH = 4;

export interface MenuItemInput extends RawInput {
  children?: MenuItemInput[] | null;
}

const itemSchema = z.object({
  label: requiredText(100),
  url: linkUrl.nullish(),
  categoryId: nodeId.nullish(),
  articleId: nodeId.nullish(),
  pageId: nodeId.nullish(),
});

type ValidItem = z.output<typeof itemSchema> & { children: ValidItem[] };

function validateItems(items: MenuItemInput[], path: string, depth: number, count: { total: number }): ValidItem[] {
  if (depth > MAX_DEPTH) throw badInput(`${path}: menus nest at most ${MAX_DEPTH} levels deep`, { field: path });
  return items.map((raw, index) => {
    const itemPath = `${path}.${index}`;
    if (++count.total > MAX_ITEMS) throw badInput(`items: a menu holds at most ${MAX_ITEMS} items`, { field: "items" });
    const item = validateInput(itemSchema, raw, itemPath);
    const targets = [item.url, item.categoryId, item.articleId, item.pageId].filter((target) => target != null);
    if (targets.length !== 1) {
      throw badInput(`${itemPath}: give exactly one of url, categoryId, articleId or pageId`, { field: itemPath });
    }
    return { ...item, children: validateItems(raw.children ?? [], `${itemPath}.children`, depth + 1, count) };
  });
}

/**
 * Replaces the whole item tree of the menu at `location`, creating the menu if there is none;
 * returns the location as stored.
 */
export async function setMenu(tx: Tx, rawLocation: string, rawItems: MenuItemInput[], rawName: string | null | undefined): Promise<string> {
  const location = validateInput(handle, rawLocation, "location");
  const name = validateInput(requiredText(100).nullish(), rawName, "name");
  const items = validateItems(rawItems, "items", 1, { total: 0 });

  await lockSet(tx, `menu:${location}`);
  const menu = await tx.menu.upsert({
    where: { location },
    create: { location, name: name ?? location },
    update: { name: name ?? undefined },
  });
  await tx.menuItem.deleteMany({ where: { menuId: menu.id } });

  const createItems = async (level: ValidItem[], parentId: number | null, path: string): Promise<void> => {
    for (const [position, item] of level.entries()) {
      const itemPath = `${path}.${position}`;
      const created = await tx.menuItem.create({
        data: {
          menuId: menu.id,
          parentId,
          position,
          label: item.label,
          url: item.url ?? null,
          categoryId: item.categoryId == null ? null : (await existingCategory(tx, item.categoryId, `${itemPath}.categoryId`)).id,
          articleId: item.articleId == null ? null : (await existingArticle(tx, item.articleId, `${itemPath}.articleId`)).id,
          pageId: item.pageId == null ? null : (await existingPage(tx, item.pageId, `${itemPath}.pageId`)).id,
        },
      });
      await createItems(item.children, created.id, `${itemPath}.children`);
    }
  };
  await createItems(items, null, "items");
  return menu.location;
}
