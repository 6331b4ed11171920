import { builder } from "../builder.ts";

builder.scalarType("JSON", {
  description: "Any JSON value (output only), e.g. an article's structured data",
  serialize: (value) => value,
  parseValue: () => {
    throw new Error("JSON is an output type");
  },
});
