/**
 * Demo content for Lantern: a faithful copy of one article page of the WordPress site
 * "Anxiety Relief Project" (see /work/shared/seed-article-page.txt), plus deterministic
 * generated articles so that lists, counts, pagination and visibility rules have data.
 *
 * Everything here is plain data; src/seed/demo-content.ts loads it into the database.
 * Nothing is random: generated articles are derived from their index only.
 */

export interface DemoAuthor {
  slug: string;
  name: string;
  credentials: string | null;
  bio: string | null;
  websiteUrl: string | null;
  avatarUrl: string | null;
  isOrganization: boolean;
}

export interface DemoCategory {
  slug: string;
  name: string;
  description: string | null;
  parentSlug: string | null;
}

export interface DemoArticle {
  slug: string;
  title: string;
  excerpt: string | null;
  bodyHtml: string;
  status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  /** ISO 8601 UTC */
  publishedAt: string | null;
  authorSlug: string;
  /** The first one is the primary category (breadcrumb). */
  categorySlugs: string[];
  featuredImageUrl: string | null;
  videoUrl: string | null;
}

export interface DemoPage {
  slug: string;
  title: string;
  bodyHtml: string;
}

export type DemoMenuTarget = { category: string } | { article: string } | { page: string } | { url: string };

export interface DemoMenuItem {
  label: string;
  target: DemoMenuTarget;
  children?: DemoMenuItem[];
}

export interface DemoMenu {
  location: string;
  name: string;
  items: DemoMenuItem[];
}

export interface DemoFeatured {
  slot: string;
  articleSlug: string;
  position: number;
  title: string | null;
  excerpt: string | null;
}

export interface DemoSite {
  title: string;
  tagline: string;
  copyright: string;
  socialLinks: { network: string; label: string; url: string }[];
}

/** Prefix of every generated article title. */
export const GENERATED_MARK = "[Demo]";

// ---------------------------------------------------------------------------
// Site
// ---------------------------------------------------------------------------

export const demoSite: DemoSite = {
  title: "Anxiety Relief Project",
  tagline: "Evidence Based Resources for Anxiety Relief",
  copyright: "Copyright © 2018. Anxiety Relief Project. All Rights Reserved",
  socialLinks: [
    { network: "facebook", label: "Facebook", url: "https://www.facebook.com/anxietyreliefproject" },
    // Twitter handles are limited to 15 characters, so the full name cannot be the handle.
    { network: "twitter", label: "Twitter", url: "https://twitter.com/AnxReliefProj" },
    { network: "youtube", label: "YouTube", url: "https://www.youtube.com/@anxietyreliefproject" },
  ],
};

// ---------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------

export const demoAuthors: DemoAuthor[] = [
  {
    slug: "jonathan-spitz",
    name: "Jonathan Spitz",
    credentials: "PsyD",
    bio: "<p>Jonathan Spitz is a Clinical Psychologist based in Chicago. He works in private practice and is licensed in Illinois and New York. Dr. Spitz sees the purpose of psychotherapy as being a place for reflection, contemplation, and intentional problem solving and aims to work with individuals towards a fuller understanding of themselves and the world, as well as a healthier and more meaningful way of living. He specializes in working with young and emerging adults who may be experiencing anxiety, depression, life transitions, relationship stress, and he has advanced training in trauma work.</p>",
    websiteUrl: "https://www.spitzpsych.com/",
    avatarUrl: null,
    isOrganization: false,
  },
  {
    slug: "arp-staff",
    name: "ARP Staff",
    credentials: null,
    bio: "<p>The editorial team of the Anxiety Relief Project selects, summarizes and reviews evidence based resources for people living with anxiety.</p>",
    websiteUrl: null,
    avatarUrl: null,
    isOrganization: true,
  },
  {
    slug: "maya-okafor",
    name: "Maya Okafor",
    credentials: "MD",
    bio: "<p>Maya Okafor is a psychiatrist (demo author) who writes about the medical side of anxiety, sleep and the links between physical and mental health.</p>",
    websiteUrl: null,
    avatarUrl: null,
    isOrganization: false,
  },
  {
    slug: "daniel-reyes",
    name: "Daniel Reyes",
    credentials: "LCSW",
    bio: "<p>Daniel Reyes is a licensed clinical social worker (demo author) who works with families and groups and writes about connection, self care and everyday coping skills.</p>",
    websiteUrl: null,
    avatarUrl: null,
    isOrganization: false,
  },
];

// ---------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------

/**
 * The 24 categories of the "Article Categories" sidebar (in its order), then the two
 * categories that appear only in the Topics menu ("Lifestyle", "Therapeutic Bodywork").
 * WordPress hides empty categories in that widget, so those two get no visible article.
 */
export const demoCategories: DemoCategory[] = [
  { slug: "anxiety-in-general", name: "Anxiety in General", description: "Broad introductions to anxiety, how common it is and how it can be relieved.", parentSlug: null },
  { slug: "anxiety-with-other-conditions", name: "Anxiety with Other Conditions", description: "How anxiety interacts with depression, chronic illness, ADHD and other conditions.", parentSlug: null },
  { slug: "body-mind-practices", name: "Body-Mind Practices", description: "Practices that calm the nervous system by working through the body as well as the mind.", parentSlug: null },
  { slug: "cognitive-behavior-therapy", name: "Cognitive Behavior Therapy", description: "Structured therapy that changes the thoughts and behaviors that keep anxiety going.", parentSlug: "psychotherapy" },
  { slug: "dialectic-behavior-therapy", name: "Dialectic Behavior Therapy", description: "Skills for tolerating distress, regulating emotions and balancing acceptance with change.", parentSlug: "psychotherapy" },
  { slug: "enjoyment-and-pleasure", name: "Enjoyment and Pleasure", description: "Why making room for play, pleasure and enjoyment helps loosen anxiety's grip.", parentSlug: null },
  { slug: "exercise", name: "Exercise", description: "The research on movement and physical activity as a treatment for anxiety.", parentSlug: null },
  { slug: "family-and-intimate-relationships", name: "Family and Intimate Relationships", description: "Anxiety in couples and families, and how close relationships can support recovery.", parentSlug: null },
  { slug: "food-and-nutrition", name: "Food and Nutrition", description: "What we eat and drink, and how diet, caffeine and the gut relate to anxiety.", parentSlug: null },
  { slug: "giving-back-to-life", name: "Giving Back to Life", description: "Volunteering, generosity and contribution as antidotes to anxious self-focus.", parentSlug: null },
  { slug: "hakomi-method", name: "Hakomi Method", description: "A mindfulness-centered somatic psychotherapy that works with present experience.", parentSlug: "psychotherapy" },
  { slug: "learning-to-be-with-discomfort", name: "Learning to be with Discomfort", description: "Building the capacity to stay with uncomfortable feelings instead of avoiding them.", parentSlug: null },
  { slug: "meaning-and-purpose", name: "Meaning and Purpose", description: "How values, meaning and a sense of purpose make anxiety easier to carry.", parentSlug: null },
  { slug: "mindfulness", name: "Mindfulness", description: "Paying attention to the present moment on purpose and without judgment.", parentSlug: null },
  { slug: "processes-and-practices", name: "Processes and Practices", description: "Step by step exercises and the processes behind lasting change.", parentSlug: null },
  { slug: "psychotherapy", name: "Psychotherapy", description: "Talk therapy approaches for anxiety and how to get the most out of them.", parentSlug: null },
  { slug: "self-care", name: "Self Care", description: "Everyday habits of rest, sleep and routine that protect against anxiety.", parentSlug: null },
  { slug: "self-compassion", name: "Self Compassion", description: "Treating yourself with the kindness you would offer a good friend.", parentSlug: null },
  { slug: "social-connectivity", name: "Social Connectivity", description: "Friendship, community and belonging as protection against anxiety.", parentSlug: null },
  { slug: "strengthening-emotional-agility", name: "Strengthening Emotional Agility", description: "Noticing, naming and flexibly responding to difficult thoughts and emotions.", parentSlug: null },
  { slug: "transformational-talks", name: "Transformational Talks", description: "Talks and lectures by researchers and practitioners that change how we see anxiety.", parentSlug: null },
  { slug: "uncategorized", name: "Uncategorized", description: "Articles that do not fit neatly into any other category.", parentSlug: null },
  { slug: "understanding-anxiety", name: "Understanding Anxiety", description: "The science of what anxiety is, where it comes from and what keeps it going.", parentSlug: null },
  { slug: "yoga", name: "Yoga", description: "Yoga postures, breathing and relaxation as evidence based tools for anxiety.", parentSlug: "body-mind-practices" },
  { slug: "lifestyle", name: "Lifestyle", description: "Daily life choices, from screens to schedules, that shape how anxious we feel.", parentSlug: null },
  { slug: "therapeutic-bodywork", name: "Therapeutic Bodywork", description: "Massage and other hands-on therapies that release tension held in the body.", parentSlug: "body-mind-practices" },
];

/** Categories that must not get a visible published article (they are absent from the sidebar). */
const HIDDEN_CATEGORY_SLUGS: readonly string[] = ["lifestyle", "therapeutic-bodywork"];

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

export const demoPages: DemoPage[] = [
  {
    slug: "how-to-use-this-site",
    title: "How to Use this Site",
    bodyHtml: [
      "<p>The Anxiety Relief Project gathers evidence based resources for anxiety relief in one place. Every article is filed under one or more topics, so you can start from whatever feels most relevant to you today.</p>",
      "<p>Use the Topics menu to browse approaches such as exercise, mindfulness, psychotherapy or self compassion, or pick a category from the sidebar to see every article on that subject. The featured article in the sidebar is a good place to begin if you are not sure where to start.</p>",
      "<p>The information on this site is educational and is not a substitute for professional care. If your anxiety is severe or you are in crisis, please contact a licensed professional or your local emergency services.</p>",
    ].join("\n"),
  },
  {
    slug: "about",
    title: "About",
    bodyHtml: [
      "<p>The Anxiety Relief Project was started in 2018 to make trustworthy information about anxiety easier to find. Anxiety is one of the most common mental health concerns, and there is good research on many ways to relieve it, but that research is often hard to reach.</p>",
      "<p>Our articles are written by clinicians and by our editorial staff, and they focus on approaches that are supported by evidence: from psychotherapy and mindfulness to exercise, nutrition and social connection.</p>",
    ].join("\n"),
  },
  {
    slug: "contact-us",
    title: "Contact Us",
    bodyHtml: [
      "<p>We would love to hear from you. Whether you have a question about an article, a suggestion for a topic we should cover, or you are a clinician interested in contributing, please send us a message using the form on this page.</p>",
      "<p>We read every message, but we are not able to offer individual advice or therapy by email. If you need support right away, please reach out to a local mental health professional or crisis line.</p>",
    ].join("\n"),
  },
];

// ---------------------------------------------------------------------------
// Hand-written articles (from the seed page)
// ---------------------------------------------------------------------------

/** The article of the seed page, verbatim (double spaces collapsed). */
const therapeuticRelationshipBody = [
  "<p>Sitting down with a therapist for the first time can be an awkward experience. If anxiety is what brought you to psychotherapy in the first place, the act of meeting with someone to talk about it could exacerbate your symptoms. It takes a lot of courage to come in for therapy, and it helps when the person you are meeting with understands what is going on; someone who “gets” you. This understanding and health-driven human connection between client and therapist is the therapeutic relationship.</p>",
  "<p>The therapeutic relationship is a fundamental component to what makes therapy work. It is the most cited factor in scientific studies that can lead to growth, healing, and change. Study after study shows the relationship between therapist and client is vital for psychotherapy to be successful. Not that other things don’t matter, but the therapeutic relationship really matters the most.</p>",
  "<h2>Bedside Manner vs The Therapeutic Relationship</h2>",
  "<p>So, what is the therapeutic relationship? In one word, it can be described as ‘fit’. The relationship between client and clinician in the therapy world is essential. In the medical world, when you visit a doctor to take a look at a rash on your arm the doctor will examine the rash with their eyes, possibly their hands, and maybe ask you some questions such as what you are allergic to or if you have brushed up against any poisonous plants lately. Based on their medical knowledge, they may provide a prescription to reduce or eliminate the rash. Hopefully, everything is resolved right there. It does not matter if you and the doctor are a good fit. You may have gotten into an argument with the doctor about your bill, or they may have poor bedside manner, but this should have no impact on the doctor’s ability to ascertain a diagnosis and offer treatment options, and certainly won’t impact whether the medication works. Conversely, it would be hard to meet with a therapist for 10 consecutive weeks to work on your fear of driving if you got side-swiped by your therapist on the highway two months ago. This may not be the best fit.</p>",
  "<h2>The Therapeutic Relationship Defined</h2>",
  "<p>The therapeutic relationship, also referred to as the therapeutic alliance, is the ability of the therapist to convey understanding of the client, belief in the shared work, and hope. It is understanding what the client needs and navigating the often shifting emotional waters to try and deliver the needed tools and guide their use. When the client can identify for themselves that the person sitting across from them, although never having gone through their exact experience, has communicated sincerely that they understand, then the basis for a genuine therapeutic relationship can be forged. It is these moments when the client feels understood that a therapeutic relationship is strengthened and secured. The construction of this initial bond is necessary before any real therapeutic work can typically begin.</p>",
  "<p>As in any healthy relationship, some basic level of trust is required. Respect, encouragement, and support should play an integral role. What is different about a therapeutic relationship is that it is confidential, and disclosure of difficult and emotionally charged information does not disrupt the bond. When information like this is disclosed by the client, it is done so without the risk that the therapist will abandon or end the relationship.</p>",
  "<p>The therapeutic relationship also critically encapsulates how the therapist understands and communicates that understanding to the client sitting across from them. Each therapeutic relationship will be different, although likely grounded in the core tenets of what an individual therapist believes to be most valuable as a mechanism for change. Some relationships could be more intellectually challenging than others, some may be more emotionally supportive than others, and some may feel more clinical. Depending on the needs of the client, any or all of the above may comprise the relationship.</p>",
  "<h2>Therapy Takes Courage</h2>",
  "<p>Returning to that first meeting, while for some beginning therapy can feel hopeful and exciting, it can also feel overwhelming and scary. One is typically tasked with offering up intimate details of themselves and their family members and to talk about the most challenging areas of their lives with a total stranger. By no means is this an easy conversation to volunteer for. The name of this initial session itself, which is referred to as the clinical or diagnostic intake interview, can seem rather cold and distant. Throughout this conversation, you may feel a range of emotions depending on many different factors.</p>",
  "<p>Some things to ask yourself after this initial session are: Did I feel understood? Was this person easy to talk to? Can I be myself with this person? How did I feel in the room? Ideally, you will feel comfortable, safe, and understood, but the setup for this conversation can make this more complicated, as just described. Just like all people, some therapists are better than others at making a good first impression. While you should look for feeling comfortable after the first meeting, you may also consider allowing for subsequent sessions to get a clearer view of the potential for what the therapeutic relationship will or will not become. Additionally, it is important to remember that you are not committed after the first session. There is no reason you should feel compelled to stay with a therapist if the fit does not seem right. Choosing the right therapist (and firing the wrong one) is an important first step in advocating for your mental health and wellbeing.</p>",].join("\n");

const handWrittenArticles: DemoArticle[] = [
  {
    slug: "the-therapeutic-relationship",
    title: "The Therapeutic Relationship",
    excerpt: null,
    bodyHtml: therapeuticRelationshipBody,
    status: "PUBLISHED",
    publishedAt: "2019-11-08T12:00:00.000Z",
    authorSlug: "jonathan-spitz",
    categorySlugs: ["psychotherapy"],
    featuredImageUrl: null,
    videoUrl: null,
  },
  {
    slug: "the-power-of-exercise-to-change-the-brain",
    title: "The Power of Exercise to Change the Brain",
    excerpt: "Neuroscientist Wendy Suzuki shares her personal journey and her research that revealed the benefits of exercise for the brain.",
    bodyHtml: [
      "<p>In this talk, neuroscientist Wendy Suzuki tells the story of how she found herself overworked, isolated and out of shape, and how a handful of exercise classes changed not only how she felt but the direction of her research.</p>",
      "<p>Suzuki explains that a single workout immediately raises levels of neurotransmitters such as dopamine, serotonin and noradrenaline, which is why we often feel calmer and more focused after moving. Regular exercise goes further: it supports the growth of new cells in the hippocampus, a brain area that is essential for memory, and strengthens the prefrontal cortex, which helps us shift attention and manage our emotions.</p>",
      "<p>For anyone living with anxiety, the message is encouraging. You do not need to become an athlete to benefit; Suzuki suggests that three to four sessions a week of activity that raises your heart rate, for at least thirty minutes, is enough to start changing the brain.</p>",
      "<p>Watch the talk, then consider which kind of movement you could enjoy enough to keep doing. A brisk walk, a dance class or a bike ride to work all count.</p>",
    ].join("\n"),
    status: "PUBLISHED",
    publishedAt: "2019-07-05T12:00:00.000Z",
    authorSlug: "arp-staff",
    categorySlugs: ["transformational-talks", "exercise"],
    featuredImageUrl: null,
    videoUrl: "https://www.ted.com/talks/wendy_suzuki_the_brain_changing_benefits_of_exercise",
  },
];

// ---------------------------------------------------------------------------
// Generated articles (deterministic, index arithmetic only)
// ---------------------------------------------------------------------------

/** Number of ordinary generated articles (all PUBLISHED, all visible). */
const GENERATED_COUNT = 66;

const AUTHOR_SLUGS: readonly string[] = ["jonathan-spitz", "arp-staff", "maya-okafor", "daniel-reyes"];

const VISIBLE_CATEGORIES: readonly DemoCategory[] = demoCategories.filter(
  (category) => !HIDDEN_CATEGORY_SLUGS.includes(category.slug),
);

function pick<T>(items: readonly T[], index: number): T {
  const item = items[((index % items.length) + items.length) % items.length];
  if (item === undefined) throw new Error("pick() from an empty list");
  return item;
}

const TITLE_PATTERNS: readonly ((topic: string) => string)[] = [
  (topic) => `A Beginner's Guide to ${topic}`,
  (topic) => `What the Research Says About ${topic}`,
  (topic) => `${topic}: Five Questions to Ask Yourself`,
  (topic) => `Common Myths About ${topic}`,
  (topic) => `How ${topic} Can Ease Everyday Worry`,
  (topic) => `${topic} When You Feel Overwhelmed`,
  (topic) => `Small Steps Toward ${topic}`,
  (topic) => `${topic} and the Anxious Mind`,
  (topic) => `Getting Started With ${topic} This Week`,
  (topic) => `Notes on ${topic} From the Therapy Room`,
  (topic) => `Why ${topic} Matters for Anxiety Relief`,
];

const OPENING_SENTENCES: readonly ((topic: string) => string)[] = [
  (topic) => `Many people first come across ${topic.toLowerCase()} when they are looking for a way to feel less on edge.`,
  (topic) => `${topic} is one of the topics readers ask us about most often.`,
  (topic) => `When anxiety is loud, the idea of ${topic.toLowerCase()} can sound either obvious or out of reach.`,
  (topic) => `There is a growing body of research on ${topic.toLowerCase()} and its effect on anxiety.`,
  (topic) => `Clinicians often mention ${topic.toLowerCase()} in the very first sessions with an anxious client.`,
];

const BODY_SENTENCES: readonly string[] = [
  "Anxiety is the body's alarm system, and like any alarm it can become too sensitive.",
  "Avoiding what we fear brings quick relief, but over time it teaches the brain that the danger was real.",
  "Small, repeated experiences of safety tend to matter more than a single dramatic breakthrough.",
  "Studies that follow people over several months suggest the benefits grow with regular practice.",
  "It helps to notice where in the body the worry shows up: a tight chest, a knot in the stomach, restless hands.",
  "Progress is rarely a straight line, and setbacks are an expected part of the process.",
  "Sleep, food and movement quietly shape how much stress we can absorb on any given day.",
  "Naming an emotion out loud can reduce its intensity, a finding that has been replicated many times.",
  "Working with a trained professional can make the first steps feel much less lonely.",
  "Being kind to yourself when anxiety flares is not indulgence; it lowers the threat response.",
  "Connection with other people is one of the strongest protective factors we know of.",
  "A few minutes a day is enough to begin, as long as the practice is consistent.",
  "Researchers often distinguish between the anxious thought itself and our relationship to that thought.",
  "Curiosity is a useful stance: what happens if you stay with the feeling for one more breath?",
  "What works for one person may not work for another, so treat each suggestion as an experiment.",
  "Writing down what you tried and how it felt makes patterns easier to see over time.",
];

const CLOSING_SENTENCES: readonly string[] = [
  "If you try one idea from this article, choose the one that feels most doable today.",
  "As always, talk with a licensed professional if your anxiety is getting in the way of daily life.",
  "Come back to these ideas whenever you need them; they tend to deepen with repetition.",
  "Share this with someone who might find it helpful, and be patient with yourself along the way.",
];

const HEADINGS: readonly string[] = [
  "What the Evidence Shows",
  "Putting It Into Practice",
  "A Simple Exercise to Try",
  "When to Ask for Help",
  "Common Obstacles",
];

const EXCERPT_PATTERNS: readonly ((topic: string) => string)[] = [
  (topic) => `A short, practical introduction to ${topic.toLowerCase()} and how it can help with anxiety.`,
  (topic) => `What we know about ${topic.toLowerCase()}, and one small step you can take today.`,
  (topic) => `Our editors summarize the research on ${topic.toLowerCase()} in plain language.`,
];

/** Builds 2-5 paragraphs of 2-5 sentences each from the pools, optionally with an h2. */
function generatedBody(index: number, topic: string, extraSentence: string | null = null): string {
  const paragraphCount = 2 + (index % 4);
  // Walk the sentence pool with an odd stride (coprime with its length of 16), so that
  // an article repeats no sentence until it has used all of them.
  const start = index * 7;
  const stride = 2 * (index % 8) + 1;
  let used = 0;
  const parts: string[] = [];
  for (let p = 0; p < paragraphCount; p++) {
    if (p === 1 && index % 3 === 1) parts.push(`<h2>${pick(HEADINGS, index + p)}</h2>`);
    const sentenceCount = 2 + ((index * 3 + p * 5) % 4);
    const sentences: string[] = [];
    if (p === 0) sentences.push(pick(OPENING_SENTENCES, index)(topic));
    if (p === 0 && extraSentence !== null) sentences.push(extraSentence);
    while (sentences.length < sentenceCount) {
      sentences.push(pick(BODY_SENTENCES, start + stride * used));
      used++;
    }
    if (p === paragraphCount - 1) sentences.push(pick(CLOSING_SENTENCES, index));
    parts.push(`<p>${sentences.join(" ")}</p>`);
  }
  return parts.join("\n");
}

const DAY_MS = 24 * 60 * 60 * 1000;
const GENERATED_START_MS = Date.UTC(2018, 0, 1);

/** Distinct timestamps between 2018-01-01 and 2024-12-31, not in slug order. */
function generatedPublishedAt(index: number): string {
  const slot = (index * 29) % GENERATED_COUNT; // 29 and 66 are coprime: a permutation of 0..65
  const ms =
    GENERATED_START_MS +
    slot * 38 * DAY_MS +
    (8 + (index % 10)) * 60 * 60 * 1000 +
    ((index * 7) % 60) * 60 * 1000 +
    30 * 1000;
  return new Date(ms).toISOString();
}

function generatedArticle(index: number): DemoArticle {
  const primary = pick(VISIBLE_CATEGORIES, index);
  const secondary = pick(VISIBLE_CATEGORIES, index * 7 + 5);
  const categorySlugs =
    index % 3 === 0 && secondary.slug !== primary.slug ? [primary.slug, secondary.slug] : [primary.slug];
  const number = index + 1;
  const slug = `demo-article-${String(number).padStart(3, "0")}`;
  return {
    slug,
    title: `${GENERATED_MARK} ${pick(TITLE_PATTERNS, index)(primary.name)} ${number}`,
    excerpt: index % 5 === 2 ? pick(EXCERPT_PATTERNS, index)(primary.name) : null,
    bodyHtml: generatedBody(index, primary.name),
    status: "PUBLISHED",
    publishedAt: generatedPublishedAt(index),
    authorSlug: pick(AUTHOR_SLUGS, index + Math.floor(index / 4)),
    categorySlugs,
    featuredImageUrl: index % 4 === 0 ? `https://picsum.photos/seed/${slug}/1200/630` : null,
    videoUrl: null,
  };
}

const ordinaryGeneratedArticles: DemoArticle[] = Array.from({ length: GENERATED_COUNT }, (_, index) =>
  generatedArticle(index),
);

/**
 * Articles that anonymous readers must never see. Each carries its canary word in the
 * title, slug and body so a leak is easy to spot in any response.
 */
function canaryArticle(
  index: number,
  canary: "CANARY-DRAFT" | "CANARY-SCHEDULED" | "CANARY-ARCHIVED",
  slug: string,
  title: string,
  status: DemoArticle["status"],
  publishedAt: string | null,
  authorSlug: string,
  categorySlugs: string[],
): DemoArticle {
  const topic = demoCategories.find((category) => category.slug === categorySlugs[0])?.name ?? "Anxiety";
  return {
    slug,
    title: `${GENERATED_MARK} ${canary} ${title}`,
    excerpt: index % 2 === 0 ? `${canary}: this excerpt must never be visible to anonymous readers.` : null,
    bodyHtml: generatedBody(GENERATED_COUNT + index, topic, `This is ${canary} content and must not be visible to anonymous readers.`),
    status,
    publishedAt,
    authorSlug,
    categorySlugs,
    featuredImageUrl: null,
    videoUrl: null,
  };
}

const canaryArticles: DemoArticle[] = [
  canaryArticle(0, "CANARY-DRAFT", "demo-canary-draft-1", "Lifestyle Changes That Stick", "DRAFT", null, "maya-okafor", ["lifestyle"]),
  canaryArticle(1, "CANARY-DRAFT", "demo-canary-draft-2", "Choosing a Therapist", "DRAFT", null, "daniel-reyes", ["psychotherapy", "anxiety-in-general"]),
  canaryArticle(2, "CANARY-DRAFT", "demo-canary-draft-3", "Working Title on Trauma and Anxiety", "DRAFT", null, "jonathan-spitz", ["anxiety-with-other-conditions"]),
  canaryArticle(3, "CANARY-DRAFT", "demo-canary-draft-4", "Massage and the Nervous System", "DRAFT", null, "arp-staff", ["therapeutic-bodywork"]),
  canaryArticle(4, "CANARY-SCHEDULED", "demo-canary-scheduled-1", "Therapy in the Year 2099", "PUBLISHED", "2099-01-01T00:00:00.000Z", "jonathan-spitz", ["psychotherapy", "mindfulness"]),
  canaryArticle(5, "CANARY-ARCHIVED", "demo-canary-archived-1", "An Outdated Guide to Yoga", "ARCHIVED", "2020-03-15T09:30:00.000Z", "arp-staff", ["yoga", "lifestyle"]),
];

export const demoArticles: DemoArticle[] = [...handWrittenArticles, ...ordinaryGeneratedArticles, ...canaryArticles];

// ---------------------------------------------------------------------------
// Menus
// ---------------------------------------------------------------------------

/** The Topics submenu, in the order and with the labels shown on the page. */
const TOPICS: readonly [label: string, category: string][] = [
  ["Exercise", "exercise"],
  ["Food and Nutrition", "food-and-nutrition"],
  ["LIfestyle", "lifestyle"],
  ["Enjoyment and Pleasure", "enjoyment-and-pleasure"],
  ["Therapeutic Bodywork", "therapeutic-bodywork"],
  ["Mindfulness", "mindfulness"],
  ["Body-Mind Practices", "body-mind-practices"],
  ["Learning to be with Discomfort", "learning-to-be-with-discomfort"],
  ["Hakomi Method", "hakomi-method"],
  ["Cognitive Behavior Therapy", "cognitive-behavior-therapy"],
  ["Dialectic Behavior Therapy", "dialectic-behavior-therapy"],
  ["Social Connectivity", "social-connectivity"],
  ["Self Compassion", "self-compassion"],
  ["Strengthening Emotional Agility", "strengthening-emotional-agility"],
  ["Family and Intimate Relationships", "family-and-intimate-relationships"],
  ["Giving Back to Life", "giving-back-to-life"],
  ["Psychotherapy", "psychotherapy"],
  ["Understanding Anxiety", "understanding-anxiety"],
  ["Anxiety with Other Conditions", "anxiety-with-other-conditions"],
  ["Anxiety in General", "anxiety-in-general"],
  ["Transformational Talks", "transformational-talks"],
  ["Self Care", "self-care"],
];

export const demoMenus: DemoMenu[] = [
  {
    location: "primary",
    name: "Primary",
    items: [
      { label: "Home", target: { url: "/" } },
      { label: "How to Use this Site", target: { page: "how-to-use-this-site" } },
      {
        label: "Topics",
        target: { url: "#" },
        children: TOPICS.map(([label, category]) => ({ label, target: { category } })),
      },
      { label: "About", target: { page: "about" } },
      { label: "Contact Us", target: { page: "contact-us" } },
    ],
  },
];

// ---------------------------------------------------------------------------
// Featured slots
// ---------------------------------------------------------------------------

/** The three most recent ordinary generated articles. */
const homeFeatured: DemoArticle[] = [...ordinaryGeneratedArticles]
  .sort((a, b) => (b.publishedAt ?? "").localeCompare(a.publishedAt ?? ""))
  .slice(0, 3);

export const demoFeatured: DemoFeatured[] = [
  { slot: "sidebar", articleSlug: "the-power-of-exercise-to-change-the-brain", position: 0, title: null, excerpt: null },
  ...homeFeatured.map(
    (article, position): DemoFeatured => ({
      slot: "home",
      articleSlug: article.slug,
      position,
      title: position === 0 ? `${GENERATED_MARK} Editor's Pick: Start Here` : null,
      excerpt: null,
    }),
  ),
];
