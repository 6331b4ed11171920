import { ARTICLE_PAGE_QUERY } from "../../src/http/graphiql/example-queries.ts";

export const BENCH_QUERIES = {
  "article page": ARTICLE_PAGE_QUERY,
  sidebar: /* GraphQL */ `query Sidebar {
    featured(slot: "sidebar") { title excerpt(format: PLAIN) article { uri publishedAt author { displayName } } }
    categories(first: 100, where: { hasArticles: true }) { nodes { name uri articleCount } }
    site { socialLinks { network label url } }
  }`,
  "50 articles": /* GraphQL */ `query ArticleList {
    articles(first: 50) { nodes { title uri publishedAt excerpt(format: PLAIN) author { displayName uri } categories { name uri } } }
  }`,
  "category archive": /* GraphQL */ `query CategoryArchive($categorySlug: String!, $after: String) {
    articles(first: 10, after: $after, where: { categorySlug: $categorySlug }) {
      pageInfo { hasNextPage endCursor }
      nodes { title uri publishedAt excerpt(format: PLAIN) author { displayName } }
    }
  }`,
  "author archive": /* GraphQL */ `query AuthorArchive($authorSlug: String!) {
    articles(first: 10, where: { authorSlug: $authorSlug }) { nodes { title uri publishedAt excerpt(format: PLAIN) } }
  }`,
  "category total": /* GraphQL */ `query CategoryTotal($categorySlug: String!) {
    category(slug: $categorySlug) { articleCount articles(first: 1) { totalCount } }
  }`,
} as const;
