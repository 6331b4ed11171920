/** The query GraphiQL opens with: everything the seed article page renders, in one request. */
export const ARTICLE_PAGE_QUERY = /* GraphQL */ `# The article page of the demo site, in one request. Press ▶ to run it.
query ArticlePage($slug: String! = "the-therapeutic-relationship") {
  site {
    title
    tagline
    copyright
    socialLinks { network label url }
  }
  menu(location: "primary") {
    items {
      label
      url
      children { label url }
    }
  }
  article(slug: $slug) {
    title
    uri
    publishedAt
    readingTimeMinutes
    breadcrumbs { name uri }
    author { displayName uri bio websiteUrl }
    categories { name uri }
    body
  }
  featured(slot: "sidebar") {
    title
    excerpt(format: PLAIN)
    article { uri publishedAt author { displayName } }
  }
  categories(first: 100, where: { hasArticles: true }) {
    nodes { name uri articleCount }
  }
}
`;
