// Pagination fragments as an app using Relay writes them; relay-compiler turns each into the
// query Relay sends (tests/client-pagination.test.ts compiles and runs them).
const graphql = String.raw;

export const articleList = graphql`
  fragment ArticleList_query on Query
  @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" })
  @refetchable(queryName: "ArticleListPaginationQuery") {
    articles(first: $count, after: $cursor) @connection(key: "ArticleList_articles") {
      edges { node { id title uri publishedAt author { id displayName } } }
    }
  }
`;

export const authorArticles = graphql`
  fragment AuthorArticles_author on Author
  @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" })
  @refetchable(queryName: "AuthorArticlesPaginationQuery") {
    articles(first: $count, after: $cursor) @connection(key: "AuthorArticles_articles") {
      edges { node { id title } }
    }
  }
`;

export const categoryArticles = graphql`
  fragment CategoryArticles_category on Category
  @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" })
  @refetchable(queryName: "CategoryArticlesPaginationQuery") {
    articles(first: $count, after: $cursor) @connection(key: "CategoryArticles_articles") {
      edges { node { id title } }
    }
  }
`;
