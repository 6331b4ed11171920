import { z } from "zod";
import type { Tx } from "../db/transaction.ts";
import { badInput, codedError } from "../domain/errors.ts";
import { CategoryDirectory } from "../read/category-directory.ts";
import { existingCategory } from "./lookups.ts";
import { type RawInput, nodeId, optionalText, requiredText, slug, validateInput } from "./input-validation.ts";
import { changedSlug, slugForNew } from "./unique-slug.ts";
import { addRedirect, claimUri, dropRedirectsTo } from "./redirects.ts";

const categoryFields = {
  name: requiredText(200),
  slug: slug.nullish(),
  description: optionalText(5000),
  parentId: nodeId.nullish(),
};
const createSchema = z.object(categoryFields);
const updateSchema = z.object({ ...categoryFields, name: categoryFields.name.optional() });

async function loadTree(tx: Tx): Promise<CategoryDirectory> {
  return new CategoryDirectory(await tx.category.findMany());
}

/** Category URIs hold the ancestor path, so a change to one category can move a whole subtree. */
function subtreeUris(tree: CategoryDirectory, rootId: number): Map<number, string> {
  return new Map(tree.descendantIds(rootId).map((id) => [id, tree.uri(tree.byId.get(id)!)]));
}

async function redirectMovedSubtree(tx: Tx, before: Map<number, string>): Promise<void> {
  const tree = await loadTree(tx);
  for (const [id, oldUri] of before) {
    const category = tree.byId.get(id);
    if (category) await addRedirect(tx, oldUri, tree.uri(category));
  }
}

export async function createCategory(tx: Tx, rawInput: RawInput): Promise<number> {
  const input = validateInput(createSchema, rawInput, "input");
  const parentId = input.parentId == null ? null : (await existingCategory(tx, input.parentId, "input.parentId")).id;
  const categorySlug = await slugForNew(tx, "category", input.slug, input.name);
  const category = await tx.category.create({
    data: { slug: categorySlug, name: input.name, description: input.description ?? null, parentId },
  });
  const tree = await loadTree(tx);
  await claimUri(tx, tree.uri(tree.byId.get(category.id)!));
  return category.id;
}

/** `parentId: null` makes the category top-level; leaving it out keeps the parent. */
export async function updateCategory(tx: Tx, globalId: string, rawInput: RawInput): Promise<number> {
  const input = validateInput(updateSchema, rawInput, "input");
  const category = await existingCategory(tx, globalId, "id");
  const newSlug = await changedSlug(tx, "category", input.slug, category);

  const tree = await loadTree(tx);
  let parentId: number | null | undefined;
  if (input.parentId === null) parentId = null;
  else if (input.parentId !== undefined) {
    parentId = (await existingCategory(tx, input.parentId, "input.parentId")).id;
    if (tree.descendantIds(category.id).includes(parentId)) {
      throw badInput(
        parentId === category.id
          ? "input.parentId: a category cannot be its own parent"
          : "input.parentId: a category cannot move below one of its own sub-categories",
        { field: "input.parentId" },
      );
    }
  }

  const before = subtreeUris(tree, category.id);
  await tx.category.update({
    where: { id: category.id },
    data: { name: input.name, slug: newSlug, description: input.description, parentId },
  });
  await redirectMovedSubtree(tx, before);
  return category.id;
}

/**
 * Refused while articles are filed in the category, unless `moveArticlesTo` names another
 * category to file them in. Sub-categories move up to the deleted category's parent.
 */
export async function deleteCategory(tx: Tx, globalId: string, moveArticlesTo: string | null | undefined): Promise<number> {
  const category = await existingCategory(tx, globalId, "id");
  const articleCount = await tx.articleCategory.count({ where: { categoryId: category.id } });
  if (articleCount > 0) {
    if (moveArticlesTo == null) {
      throw codedError(
        "CONFLICT",
        `${articleCount} article(s) are filed in "${category.name}"; pass moveArticlesTo with another category's id to refile them`,
        { field: "moveArticlesTo", articleCount },
      );
    }
    const target = await existingCategory(tx, validateInput(nodeId, moveArticlesTo, "moveArticlesTo"), "moveArticlesTo");
    if (target.id === category.id) {
      throw codedError("CONFLICT", "moveArticlesTo must be another category", { field: "moveArticlesTo" });
    }
    const alreadyThere = await tx.articleCategory.findMany({ where: { categoryId: target.id }, select: { articleId: true } });
    await tx.articleCategory.updateMany({
      where: { categoryId: category.id, articleId: { notIn: alreadyThere.map((link) => link.articleId) } },
      data: { categoryId: target.id },
    });
    await tx.articleCategory.deleteMany({ where: { categoryId: category.id } });
  }

  const before = subtreeUris(await loadTree(tx), category.id);
  const ownUri = before.get(category.id)!;
  before.delete(category.id);
  await tx.category.updateMany({ where: { parentId: category.id }, data: { parentId: category.parentId } });
  await tx.category.delete({ where: { id: category.id } });
  await dropRedirectsTo(tx, ownUri);
  await redirectMovedSubtree(tx, before);
  return category.id;
}
