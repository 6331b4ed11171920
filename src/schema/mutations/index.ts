import { builder } from "../builder.ts";
import "./article-mutations.ts";

builder.mutationType({ description: "Editing; every mutation needs an API token (see README: Editors)" });
