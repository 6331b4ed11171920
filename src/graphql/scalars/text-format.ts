import { builder } from "../builder.ts";

export const TextFormatEnum = builder.enumType("TextFormat", {
  description: "How a text field is returned",
  values: {
    HTML: { description: "Sanitized HTML" },
    PLAIN: { description: "Plain text with paragraphs separated by blank lines" },
  } as const,
});
